import type { AllEntities } from 'n8n-workflow';

import type { RESOURCES } from './router';

/** Each resource's operation values, as the router's `RESOURCES` holds them. */
export type NodeMap = { [R in keyof typeof RESOURCES]: keyof (typeof RESOURCES)[R] & string };

export type QuoType = AllEntities<NodeMap>;
