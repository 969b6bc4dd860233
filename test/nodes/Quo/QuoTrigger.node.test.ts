import { QuoTrigger } from '../../../nodes/Quo/QuoTrigger.node';
import { useStandIn } from '../../harness/standInRuntime';

const session = useStandIn();
const trigger = new QuoTrigger();

function optionsOf(name: string, apiVersion: string) {
	const property = trigger.description.properties.find(
		(candidate) =>
			candidate.name === name && candidate.displayOptions?.show?.apiVersion?.includes(apiVersion),
	);
	return (property?.options ?? []) as Array<{ name: string; value: string }>;
}

describe('Quo Trigger parameters', () => {
	test('the event picker shows only the chosen generation’s events, with readable names', () => {
		const current = optionsOf('events', '2026-03-30');
		const legacy = optionsOf('events', 'v1');
		expect(current).toHaveLength(28);
		expect(legacy.map((option) => option.value).sort()).toEqual([
			'call.completed',
			'call.recording.completed',
			'call.ringing',
			'call.summary.completed',
			'call.transcript.completed',
			'message.delivered',
			'message.received',
		]);
		expect(current.find((option) => option.value === 'message.received')?.name).toBe(
			'Message Received',
		);
	});

	test('phone numbers come from Quo as "Name (number)", through n8n’s LoadOptionsContext', async () => {
		const context = session.runtime.loadOptionsContext({
			nodeType: trigger,
			parameters: { apiVersion: '2026-03-30', events: [] },
		});
		const options = await trigger.methods.loadOptions.getPhoneNumbers.call(context);
		const expected = session.standIn.state.phoneNumbers.map((phoneNumber) => ({
			name: `${phoneNumber.name} (${phoneNumber.formattedNumber})`,
			value: phoneNumber.id,
		}));
		expect(options).toEqual(expect.arrayContaining(expected));
		expect(options).toHaveLength(expected.length);
		expect(session.standIn.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			'GET /v1/phone-numbers',
		]);
	});
});
