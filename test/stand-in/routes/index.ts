import type { Route } from '../router';
import { messageRoutes } from './messages';
import { phoneNumberRoutes } from './phone-numbers';
import { userRoutes } from './users';
import { webhookDeliveryRoutes } from './webhook-deliveries';
import { webhook2026Routes } from './webhooks-2026';
import { webhookV1Routes } from './webhooks-v1';

export const allRoutes: Route[] = [
	...phoneNumberRoutes,
	...messageRoutes,
	...userRoutes,
	...webhookV1Routes,
	...webhook2026Routes,
	...webhookDeliveryRoutes,
];
