import {
	BAD_DELIVERY_CASES,
	type RawDelivery,
	type SigningTarget,
	signedDelivery,
} from '../../../fixtures/badDeliveries';
import { legacySamples, seedEnvelopes } from '../../../fixtures/events';
import { activate } from '../../../harness/triggerLifecycle';
import { postRaw } from '../../../stand-in/webhooks/http-post';
import { useTriggerWorld } from './support';

const world = useTriggerWorld();

/** An active trigger for message.received of one generation, and its subscription as Quo holds it. */
async function activeTrigger(
	generation: SigningTarget['generation'],
): Promise<SigningTarget & { webhookId: string }> {
	const { setup, workflow, node } = world.workflowWith({
		apiVersion: generation,
		events: ['message.received'],
	});
	await activate(world.runtime, setup, workflow, node);
	const [subscription] =
		generation === 'v1' ? world.standIn.state.webhooksV1 : world.standIn.state.webhooks2026;
	return { generation, key: subscription.key, webhookId: subscription.id };
}

async function send(delivery: RawDelivery): Promise<number> {
	const { status } = await postRaw(
		world.url,
		delivery.headers,
		delivery.body,
		new AbortController().signal,
	);
	return status;
}

afterEach(() => {
	jest.restoreAllMocks();
});

describe.each(['2026-03-30', 'v1'] as const)(
	'bad %s deliveries on the webhook path',
	(generation) => {
		let unique = 0;

		test.each(BAD_DELIVERY_CASES.map((badCase) => [badCase.name, badCase] as const))(
			'%s',
			async (_name, badCase) => {
				const target = await activeTrigger(generation);
				const delivery = badCase.build(target, `${generation}${++unique}`);

				expect(await send(delivery)).toBe(badCase.status);
				if (badCase.item) {
					expect(world.receiver.runs).toHaveLength(1);
					expect(world.receiver.runs[0]).toHaveLength(1);
					expect(world.receiver.runs[0][0].json).toEqual(
						JSON.parse(JSON.stringify(badCase.item(delivery))),
					);
				} else {
					expect(world.receiver.runs).toHaveLength(0);
				}
			},
		);

		test('the exact bytes of a genuine delivery, sent again once its five minutes are over: 401, no second run', async () => {
			const { webhookId } = await activeTrigger(generation);
			const envelope =
				generation === 'v1'
					? legacySamples.messageReceivedV4Real
					: seedEnvelopes['message.received'];
			const genuine = await world.standIn.deliver({ webhookId, envelope, retry: false });
			expect(genuine.finalStatus).toBe(200);

			const signedAt = Date.now();
			jest.spyOn(Date, 'now').mockReturnValue(signedAt + 5 * 60 * 1000 + 1000);
			const replay = {
				headers: genuine.headers,
				body: genuine.body,
				deliveryId: genuine.deliveryId,
			};
			expect(await send(replay)).toBe(401);
			expect(world.receiver.runs).toHaveLength(1);
		});
	},
);

test('a forged copy of a delivery does not use up its webhook-id: the genuine one still starts its run', async () => {
	const target = await activeTrigger('2026-03-30');
	const envelope = seedEnvelopes['message.received'];
	const genuine = signedDelivery(target, JSON.stringify(envelope));
	expect(await send({ ...genuine, body: `${genuine.body} ` })).toBe(401);

	// Quo's delivery with that id, signed with the key Quo holds now.
	const delivery = await world.standIn.deliver({
		webhookId: target.webhookId,
		envelope,
		deliveryId: genuine.deliveryId!,
		retry: false,
	});
	expect(delivery.finalStatus).toBe(200);
	expect(world.receiver.runs).toHaveLength(1);
});
