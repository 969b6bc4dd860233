import { Webhook } from 'standardwebhooks';
import { receiveInboundText, startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';
import { startReceiver, type Receiver } from './test-support/receiver';

describe('a customer texting a workspace number (receiveInboundText)', () => {
	let standIn: StandIn;
	let receiver: Receiver;

	beforeAll(async () => {
		standIn = await startStandIn({ rateLimitPerSecond: 0, seed: { contacts: 2 } });
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await receiver.close();
		await standIn.close();
	});

	it('stores the message and delivers one signed message.received to each webhook that takes it on that number', async () => {
		const [first, second] = standIn.state.phoneNumbers;
		const subscribe = async (body: object) =>
			(await callQuo(standIn, 'POST', '/webhooks', { body: { url: receiver.url, ...body } })).json
				.data;
		const everyNumber = await subscribe({ events: ['message.received'] });
		await subscribe({ events: ['message.received'], resourceIds: [second.id] });
		await subscribe({ events: ['message.received'], status: 'disabled' });
		await subscribe({ events: ['call.completed'] });
		const customer = standIn.state.contacts[0];

		const { message, deliveries } = await receiveInboundText(standIn, {
			text: 'Is my order ready?',
		});

		expect(deliveries.map((delivery) => delivery.finalStatus)).toEqual([200]);
		const [delivery] = receiver.received;
		const event = new Webhook(everyNumber.key).verify(
			delivery.rawBody,
			delivery.headers as Record<string, string>,
		) as Record<string, any>;
		expect(event).toMatchObject({
			type: 'message.received',
			data: {
				resource: { id: message.id, direction: 'incoming', text: 'Is my order ready?' },
				context: {
					phoneNumberId: first.id,
					senderIdentifier: customer.defaultFields.phoneNumbers[0].value,
					recipientIdentifiers: [first.number],
					contacts: { ids: [customer.id], lookupStatus: 'matched' },
				},
			},
		});
		const listed = await callQuo(standIn, 'GET', `/v1/messages/${message.id}`);
		expect(listed.json.data).toMatchObject({
			id: message.id,
			text: 'Is my order ready?',
			direction: 'incoming',
		});
	});

	it('names a number that is not the workspace’s', async () => {
		await expect(receiveInboundText(standIn, { text: 'hi', to: '+19999999999' })).rejects.toThrow(
			"+19999999999 is not one of the stand-in workspace's numbers",
		);
	});
});
