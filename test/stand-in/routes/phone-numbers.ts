import { errorFamilies, RouteError, type ErrorCatalog } from '../errors';
import { queryValue } from '../route-input';
import type { Route } from '../router';

const errors: ErrorCatalog = { family: errorFamilies.phoneNumbers };

export const phoneNumberRoutes: Route[] = [
	{
		method: 'GET',
		path: '/v1/phone-numbers',
		operationId: 'listPhoneNumbers_v1',
		errors,
		handle: ({ state, query }) => {
			const userId = queryValue(query, 'userId');
			const numbers = userId
				? state.phoneNumbers.filter((phoneNumber) =>
						phoneNumber.users.some((user) => user.id === userId),
					)
				: state.phoneNumbers;
			return { status: 200, body: { data: numbers } };
		},
	},
	{
		method: 'GET',
		path: '/v1/phone-numbers/{phoneNumberId}',
		operationId: 'getPhoneNumberById_v1',
		errors,
		handle: ({ state, params }) => {
			const phoneNumber = state.phoneNumbers.find(
				(candidate) => candidate.id === params.phoneNumberId,
			);
			if (!phoneNumber) throw new RouteError(404, 'Phone number not found');
			return { status: 200, body: { data: phoneNumber } };
		},
	},
];
