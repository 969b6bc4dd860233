import { type CpuProfile, timeIn } from './cpuProfile';

const PACKAGE = '/n8n-nodes-quo/dist/';

/**
 * A profile of one thread: idle, n8n's own work, the trigger's webhook() with the HMAC it computes and the n8n
 * helper it calls (getWorkflowStaticData), which calls back into the package.
 */
function profile(): CpuProfile {
	const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({
		id,
		callFrame: { functionName, url },
		children,
	});
	return {
		nodes: [
			frame(1, '(root)', '', [2, 3, 4]),
			frame(2, '(idle)', ''),
			frame(3, 'runWorkflow', 'file:///n8n/node_modules/n8n/dist/workflow-runner.js'),
			frame(
				4,
				'executeWebhook',
				'file:///n8n/node_modules/n8n/dist/webhooks/webhook-helpers.js',
				[5],
			),
			frame(
				5,
				'webhook',
				`file:///home/.n8n/nodes/node_modules${PACKAGE}nodes/Quo/QuoTrigger.node.js`,
				[6, 7],
			),
			frame(6, 'createHmac', 'node:crypto'),
			frame(
				7,
				'getWorkflowStaticData',
				'file:///n8n/node_modules/n8n-core/dist/execution-engine/node-execution-context/base.js',
				[8],
			),
			frame(
				8,
				'registeredDeliverySettings',
				`file:///home/.n8n/nodes/node_modules${PACKAGE}nodes/Quo/trigger/subscriptionState.js`,
			),
		],
		// The time until the next sample belongs to the sample before it; the last sample's time is unknown.
		samples: [2, 3, 5, 6, 7, 8, 4, 2],
		timeDeltas: [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000],
	};
}

describe('timeIn: where the busy time of a profile went', () => {
	test('the package is every sample with a frame of it on the stack; what it calls in n8n is counted apart', () => {
		expect(timeIn(profile(), PACKAGE)).toEqual({
			// Everything but the idle samples: 2 + 3 + 4 + 5 + 6 + 7 ms (the last sample has no time).
			busyMs: 27,
			// webhook() 3, createHmac 4, getWorkflowStaticData 5, the package again under it 6.
			ownMs: 18,
			// getWorkflowStaticData itself.
			n8nHelpersMs: 5,
		});
	});

	test('a profile without the package has none of its time', () => {
		expect(timeIn(profile(), '/n8n-nodes-other/dist/')).toEqual({
			busyMs: 27,
			ownMs: 0,
			n8nHelpersMs: 0,
		});
	});
});
