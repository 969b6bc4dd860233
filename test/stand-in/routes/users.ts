import { errorFamilies, RouteError, type ErrorCatalog } from '../errors';
import { requestedV1Page } from '../pagination';
import type { Route } from '../router';

const errors: ErrorCatalog = { family: errorFamilies.users };

export const userRoutes: Route[] = [
	{
		method: 'GET',
		path: '/v1/users',
		operationId: 'listUsers_v1',
		errors,
		handle: ({ state, query }) => ({
			status: 200,
			body: requestedV1Page(state.users, query),
		}),
	},
	{
		method: 'GET',
		path: '/v1/users/{userId}',
		operationId: 'getUserById_v1',
		errors,
		handle: ({ state, params }) => {
			const user = state.users.find((candidate) => candidate.id === params.userId);
			if (!user) throw new RouteError(404, 'User not found');
			return { status: 200, body: { data: user } };
		},
	},
];
