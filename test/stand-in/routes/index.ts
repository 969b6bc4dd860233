import type { Route } from '../router';
import { callRoutes } from './calls';
import { contactRoutes } from './contacts';
import { conversationRoutes } from './conversations';
import { messageRoutes } from './messages';
import { phoneNumberRoutes } from './phone-numbers';
import { taskRoutes } from './tasks';
import { userRoutes } from './users';
import { webhookDeliveryRoutes } from './webhook-deliveries';
import { webhook2026Routes } from './webhooks-2026';
import { webhookV1Routes } from './webhooks-v1';

export const allRoutes: Route[] = [
	...phoneNumberRoutes,
	...messageRoutes,
	...userRoutes,
	...contactRoutes,
	...callRoutes,
	...conversationRoutes,
	...taskRoutes,
	...webhookV1Routes,
	...webhook2026Routes,
	...webhookDeliveryRoutes,
];
