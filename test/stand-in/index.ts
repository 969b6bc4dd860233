export { startStandIn } from './server';
export { receiveInboundText, type InboundText, type InboundTextResult } from './inbound';
export { paginateCursor, paginateV1 } from './pagination';
export type {
	DeliveryAttemptResult,
	DeliveryRequest,
	DeliveryResult,
	FaultRule,
	RecordedRequest,
	SigningMode,
	StandIn,
	StandInOptions,
} from './types';
export type * from './state';
