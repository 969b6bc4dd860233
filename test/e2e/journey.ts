// A user's journey through n8n's editor in a real browser (Debian's chromium driven by playwright-core, see
// test/real-n8n/browser.ts), on the e2e run's tarball instance after the API-driven scenarios, with a Quo stand-in of
// its own (two named numbers) so that nothing the scenarios count is disturbed:
//   J1 the credential dialog: a wrong key is refused (2.x: with Quo's message), the right one tests OK
//   J2 the nodes panel: "sms" finds Quo, whose triggers add the Quo Trigger
//   J3 the trigger's pickers: events and a phone number, shown by name
//   J4 the trigger's "Execute step" (so labelled in 1.123.81 too): Quo's signed sample is the output
//   J5 activate (1.x) / publish (2.x): Quo holds the subscription
//   J6 an SMS from the stand-in runs the workflow, listed under its executions
//   J7 the Quo node: Message -> Send, From picked from the list, run: the stand-in gets the message
// A failed row keeps a screenshot and the page's text in the run's log folder (its path is in the row); a row whose
// prerequisite failed is SKIP. With `screenshotsDir` (the e2e run's --screenshots, on 2.x) it also writes the README's
// pictures there: trigger-parameters.png, trigger-sample.png, workflow.png.
import * as path from 'node:path';

import { receiveInboundText, startStandIn, type StandIn } from '../stand-in';
import {
	dismissOverlays,
	keepEvidence,
	launchBrowser,
	openEditor,
	type Browser,
	type Page,
} from '../real-n8n/browser';
import {
	assert,
	assertValidRequests,
	executionsOf,
	outputOf,
	quoCalls,
	summarizeCalls,
	waitForFinishedExecutions,
} from '../real-n8n/checks';
import { TRIGGER_NODE } from '../real-n8n/quo-workflows';
import { type Report, Skipped } from '../real-n8n/report';
import { waitFor } from '../real-n8n/util';
import type { Target } from './scenarios';

const VIEWPORT = { width: 1280, height: 800 };
const SEND_NODE = 'Send a message';
const CUSTOMER = '+15555550123';
const REPLY = 'Thanks, your order is ready.';

const id = (testId: string) => `[data-test-id="${testId}"]`;

export interface JourneyOptions {
	/** The run's log folder: what a failed row leaves (screenshot, page text). */
	logDir: string;
	/** Where to write the README's pictures (2.x only), or undefined. */
	screenshotsDir?: string;
	rateLimit: number;
}

interface JourneyState {
	page?: Page;
	credential?: boolean;
	triggerAdded?: boolean;
	picked?: { phoneNumberId: string; events: string[] };
	sampled?: boolean;
	workflowId?: string;
	published?: { url: string };
}

export async function runJourney(
	target: Target,
	report: Report,
	options: JourneyOptions,
): Promise<void> {
	const { version, major, route, n8n, ctx } = target;
	const standIn = await startStandIn({
		rateLimitPerSecond: options.rateLimit,
		seed: { phoneNumbers: 2, users: 2, contacts: 1 },
	});
	const [sales, support] = standIn.state.phoneNumbers;
	const s: JourneyState = {};
	let browser: Browser | undefined;
	const shots = major >= 2 ? options.screenshotsDir : undefined;
	const shoot = async (name: string) => {
		if (shots && s.page) await s.page.screenshot({ path: path.join(shots, name) });
	};
	const need = <T>(value: T | undefined | false, what: string): T => {
		if (value === undefined || value === false) throw new Skipped(`needs ${what}, which failed`);
		return value;
	};
	/** A row: on failure, the page's screenshot and text go to the log folder, named in the row. */
	const run = (name: string, fn: (page: Page) => Promise<string>) =>
		report.run(version, route, name, async () => {
			const page = need(s.page, 'the browser signed in to n8n (J1)');
			try {
				return await fn(page);
			} catch (error) {
				if (error instanceof Skipped) throw error;
				const evidence = await keepEvidence(
					page,
					options.logDir,
					`journey-${version}-${name.split(' ')[0]}`,
				);
				throw new Error(`${(error as Error).message.split('\n')[0]} (screenshot: ${evidence})`);
			}
		});
	const ndv = (page: Page) => page.locator(id('ndv'));
	/** Back to the canvas: 2.x's close button, 1.x's "Back to canvas". */
	const closeNdv = async (page: Page) => {
		await page
			.locator(`${id('ndv-close-button')}:visible, ${id('back-to-canvas')}:visible`)
			.first()
			.click({ timeout: 5000 })
			.catch(() => page.keyboard.press('Escape'));
		await ndv(page).waitFor({ state: 'hidden' });
	};
	/** The open dropdown's options (element-plus selects; their popper is attached to the body). */
	const options_ = (page: Page) =>
		page.locator('.el-select-dropdown__item:visible, .el-select-dropdown [role="option"]:visible');

	try {
		await report.run(
			version,
			route,
			major >= 2
				? "J1 credential dialog: test OK, a wrong key shows Quo's message"
				: "J1 credential dialog: test OK, a wrong key is refused (n8n's own message)",
			async () => {
				browser = await launchBrowser();
				const page = await openEditor(browser, n8n.baseUrl, {
					viewport: VIEWPORT,
					deviceScaleFactor: 2,
				});
				s.page = page;
				try {
					await page.goto(`${n8n.baseUrl}/home/credentials/create`);
					const select = page.locator(`${id('new-credential-type-select')} input`).first();
					await select.fill('Quo');
					await page
						.locator(id('new-credential-type-select-option'))
						.filter({ hasText: 'Quo (OpenPhone) API' })
						.first()
						.click();
					await page.locator(id('new-credential-type-button')).click();
					const modal = page.locator(id('editCredential-modal'));
					await modal.locator(`${id('parameter-input-baseUrl')} input`).fill(standIn.url);
					await modal.locator(`${id('parameter-input-apiKey')} input`).fill('wrong-key');
					await modal.locator(id('credential-save-button')).click();
					await modal
						.getByText(/Couldn.t connect/)
						.first()
						.waitFor();
					const details = modal.getByText('More details');
					if (await details.isVisible()) await details.click();
					// 2.x shows the credential test's message; 1.123.81 shows its own for a 401 (the REST test, row 1,
					// does return Quo's message there).
					const refused = modal.getByText(
						major >= 2
							? 'Quo refused this API key (401)'
							: /Quo refused this API key \(401\)|Authorization failed/,
						{ exact: false },
					);
					await refused.first().waitFor();
					const message = (await refused.first().innerText()).trim();
					await modal.locator(`${id('parameter-input-apiKey')} input`).fill(standIn.apiKey);
					await modal.locator(id('credential-save-button')).click();
					await modal.getByText('Connection tested successfully').first().waitFor();
					await modal.locator('.el-dialog__headerbtn, button[aria-label="Close"]').first().click();
					await modal.waitFor({ state: 'hidden' });
					const tests = standIn.requests.filter((r) => r.path === '/v1/phone-numbers');
					assert(
						tests.some((r) => r.status === 401) && tests.some((r) => r.status === 200),
						`Quo saw ${summarizeCalls(quoCalls(standIn, 0))}`,
					);
					s.credential = true;
					return `wrong key: "${message.slice(0, 60)}…"; right key: "Connection tested successfully"; Quo saw ${summarizeCalls(quoCalls(standIn, 0))}`;
				} catch (error) {
					const evidence = await keepEvidence(page, options.logDir, `journey-${version}-J1`);
					throw new Error(`${(error as Error).message.split('\n')[0]} (screenshot: ${evidence})`);
				}
			},
		);

		await run('J2 nodes panel: "sms" finds Quo, which adds the Quo Trigger', async (page) => {
			await page.goto(`${n8n.baseUrl}/workflow/new`);
			// 1.x opens the nodes panel on a new workflow by itself; 2.x waits for "Add first step".
			await page.locator(id('canvas-add-button')).first().waitFor();
			const search = page
				.locator(`${id('node-creator-search-bar')} input, input${id('node-creator-search-bar')}`)
				.first();
			await search.waitFor({ timeout: 2000 }).catch(() => undefined);
			if (!(await search.isVisible())) await page.locator(id('canvas-add-button')).first().click();
			await page
				.locator(`${id('node-creator-search-bar')} input, input${id('node-creator-search-bar')}`)
				.first()
				.fill('sms');
			const quo = page
				.locator(`${id('node-creator')} ${id('item-iterator-item')}`)
				.filter({
					has: page.locator(id('node-creator-item-name')).getByText('Quo', { exact: true }),
				})
				.first();
			await quo.waitFor();
			const found = (await page.locator(id('node-creator-item-name')).allInnerTexts()).map((t) =>
				t.trim(),
			);
			await quo.click();
			await page
				.locator(`${id('node-creator')} ${id('item-iterator-item')}`)
				.filter({ hasText: /^On message received$/ })
				.first()
				.click();
			await ndv(page).locator(id('node-parameters')).waitFor();
			const title = await ndv(page).locator(id('node-title-container')).innerText();
			assert(title.includes(TRIGGER_NODE), `the node view shows "${title}"`);
			s.triggerAdded = true;
			return `"sms" listed ${found.length} nodes, Quo ${found.indexOf('Quo') + 1}th; its trigger "On message received" opened "${title.trim()}"`;
		});

		await run('J3 trigger pickers: events and a phone number, by name', async (page) => {
			need(s.credential, 'the credential (J1)');
			need(s.triggerAdded, 'the Quo Trigger (J2)');
			const view = ndv(page);
			const credential = await view
				.locator(id('node-credentials-select'))
				.innerText()
				.catch(() => '');
			const chosen = await view
				.locator(`${id('node-credentials-select')} input`)
				.first()
				.inputValue()
				.catch(() => credential);
			assert(
				/Quo/.test(chosen + credential),
				`the trigger's credential is "${chosen || credential}"`,
			);
			await view.locator(id('parameter-input-events')).click();
			await options_(page)
				.filter({ hasText: /^Call Completed/ })
				.first()
				.waitFor();
			const eventNames = (await options_(page).allInnerTexts()).map((t) => t.split('\n')[0].trim());
			assert(
				eventNames.includes('Call Completed') && !eventNames.some((n) => n.includes('.')),
				`the events picker lists ${eventNames.slice(0, 5).join(', ')}…`,
			);
			await options_(page)
				.filter({ hasText: /^Call Completed/ })
				.first()
				.click();
			await page.keyboard.press('Escape');
			// The events list closed (it fades out), so the next options read are the numbers'.
			await options_(page).first().waitFor({ state: 'hidden' });
			await view.locator(id('parameter-input-phoneNumberIds')).click();
			await options_(page).filter({ hasText: sales.name }).first().waitFor();
			const numberNames = (await options_(page).allInnerTexts()).map((t) => t.trim());
			assert(
				numberNames.length === standIn.state.phoneNumbers.length &&
					standIn.state.phoneNumbers.every(
						(line, i) => numberNames[i].startsWith(line.name) && !numberNames[i].includes(line.id),
					),
				`the phone number picker lists ${numberNames.join(', ')}`,
			);
			await options_(page).filter({ hasText: sales.name }).first().click();
			await page.keyboard.press('Escape');
			const events = (await view.locator(id('parameter-input-events')).innerText())
				.split('\n')
				.map((t) => t.trim())
				.filter(Boolean);
			const numbers = (await view.locator(id('parameter-input-phoneNumberIds')).innerText()).trim();
			assert(
				events.includes('Message Received') && events.includes('Call Completed'),
				`Events shows ${events.join(', ')}`,
			);
			assert(numbers.startsWith(sales.name), `Phone Numbers shows "${numbers}"`);
			if (major < 2) {
				// 1.x saves on request only (2.x saves as you go).
				await page.keyboard.press('Control+s');
			}
			s.picked = { phoneNumberId: sales.id, events: ['message.received', 'call.completed'] };
			await page
				.locator(`${id('node-parameters')}`)
				.first()
				.click({ position: { x: 5, y: 5 } })
				.catch(() => undefined);
			await shoot('trigger-parameters.png');
			return `events picker: ${eventNames.length} events by label; numbers: ${numberNames.join(', ')}; chosen: ${events.join(', ')}; ${numbers}`;
		});

		await run(
			`J4 the trigger's "Execute step": Quo's signed sample is the output`,
			async (page) => {
				need(s.picked, 'the trigger set up (J3)');
				const view = ndv(page);
				const from = standIn.requests.length;
				const button = view.locator(id('node-execute-button')).first();
				const label = (await button.innerText()).trim();
				await button.click();
				await view
					.locator(
						`${id('output-panel')} ${id('ndv-items-count')}, ${id('output-panel')} ${id('node-run-status-success')}`,
					)
					.first()
					.waitFor({ timeout: 45_000 });
				await view.locator(`${id('output-panel')} ${id('radio-button-json')}`).click();
				const output = await waitFor(
					'the sample in the output',
					async () => {
						const text = await view
							.locator(`${id('output-panel')} ${id('ndv-data-container')}`)
							.innerText();
						return /"sample":\s*true/.test(text) && text;
					},
					{ timeoutMs: 15_000 },
				).catch(async () =>
					view.locator(`${id('output-panel')} ${id('ndv-data-container')}`).innerText(),
				);
				const flat = output.replace(/\s+/g, '');
				assert(
					flat.includes('"sample":true'),
					`the output has no "sample": true: ${flat.slice(0, 300)}`,
				);
				assert(
					flat.includes('"event":"message.received"'),
					`the output is not a message.received: ${flat.slice(0, 300)}`,
				);
				const sample = standIn.requests
					.slice(from)
					.find((r) => r.method === 'POST' && /\/events\/test$/.test(r.path));
				assert(
					sample,
					`the trigger never asked Quo for a sample; Quo saw ${summarizeCalls(quoCalls(standIn, from))}`,
				);
				const delivery = standIn.state.deliveries.at(-1);
				assert(
					delivery?.attempts[0]?.responseStatusCode === 200,
					`the sample's delivery: ${JSON.stringify(delivery?.attempts.map((a) => a.responseStatusCode))}`,
				);
				assertValidRequests(standIn, from);
				s.sampled = true;
				if (shots) {
					// The picture shows the item's end, where `"sample": true` says what it is, without the toast.
					await page
						.locator('.el-notification__closeBtn')
						.first()
						.click({ timeout: 2000 })
						.catch(() => undefined);
					await view
						.locator(`${id('output-panel')} ${id('ndv-data-container')}`)
						.getByText('sample', { exact: false })
						.last()
						.scrollIntoViewIfNeeded()
						.catch(() => undefined);
					await page.waitForTimeout(500);
					await shoot('trigger-sample.png');
				}
				return `"${label}" -> output: 1 item, message.received, "sample": true (signed delivery ${delivery.id} answered 200); Quo saw ${summarizeCalls(quoCalls(standIn, from))}`;
			},
		);

		await run(
			`J5 ${major >= 2 ? 'publish' : 'activate'}: Quo holds the subscription`,
			async (page) => {
				const picked = need(s.picked, 'the trigger set up (J3)');
				await closeNdv(page);
				const match = /\/workflow\/([^/?#]+)/.exec(page.url());
				assert(match && match[1] !== 'new', `the workflow was never saved: ${page.url()}`);
				s.workflowId = match[1];
				const from = standIn.requests.length;
				if (major >= 2) {
					await page.locator(id('workflow-open-publish-modal-button')).click();
					await page.locator(id('workflow-publish-button')).click();
				} else {
					await page.locator(`${id('workflow-activate-switch')}`).click();
				}
				const gotIt = page
					.locator(`${id('activation-modal')} button`)
					.filter({ hasText: 'Got it' });
				// n8n says once what publishing (activating) means.
				if (
					await gotIt.waitFor({ timeout: 15_000 }).then(
						() => true,
						() => false,
					)
				)
					await gotIt.click();
				const subscription = await waitFor(
					'a subscription for the production URL',
					() =>
						standIn.state.webhooks2026.find(
							(w) => w.url.includes('/webhook/') && !w.url.includes('/webhook-test/'),
						),
					{ timeoutMs: 30_000 },
				);
				assert(
					[...subscription.events].sort().join() === [...picked.events].sort().join() &&
						subscription.resourceIds.join() === picked.phoneNumberId,
					`subscription ${subscription.id}: events ${subscription.events.join(', ')}, numbers ${subscription.resourceIds.join(', ')}`,
				);
				if (major >= 2) {
					await page.locator(id('workflow-active-version-indicator')).waitFor();
					assert(
						(await ctx.rest.publicationStatus(s.workflowId)).status === 'published',
						'not published',
					);
				}
				assertValidRequests(standIn, from);
				s.published = { url: subscription.url };
				return `workflow ${s.workflowId}; Quo holds ${subscription.id} (${subscription.events.join(', ')} on ${sales.name}) -> ${subscription.url}`;
			},
		);

		await run(
			'J6 an SMS from the stand-in runs the workflow, listed under Executions',
			async () => {
				need(s.published, `the workflow ${major >= 2 ? 'published' : 'activated'} (J5)`);
				const workflowId = s.workflowId!;
				const before = (await executionsOf(ctx, workflowId)).length;
				const text = 'Is my order ready?';
				const { message, deliveries } = await receiveInboundText(standIn, {
					text,
					from: CUSTOMER,
					to: sales.id,
				});
				assert(
					deliveries.map((d) => d.finalStatus).join() === '200',
					`Quo's delivery was answered ${deliveries.map((d) => d.finalStatus).join(', ') || 'by nobody'}`,
				);
				const executions = await waitForFinishedExecutions(ctx, workflowId, before + 1);
				const execution = executions.find(
					(e) => e.mode !== 'manual' && outputOf(e, TRIGGER_NODE)?.[0]?.resource,
				);
				assert(
					execution,
					`no production execution among ${executions.map((e) => `${e.id}:${e.mode}`).join(', ')}`,
				);
				const item = outputOf(execution, TRIGGER_NODE)![0] as {
					resource?: { text?: string };
					sample?: boolean;
				};
				assert(
					item.resource?.text === text && item.sample === undefined,
					`the trigger's item: ${JSON.stringify(item).slice(0, 300)}`,
				);
				// In the editor: the execution is listed under the workflow's Executions (a second page; the first keeps
				// the editor with the sample for J7).
				const second = await openEditor(browser!, n8n.baseUrl, {
					viewport: VIEWPORT,
					deviceScaleFactor: 1,
				});
				try {
					await second.goto(`${n8n.baseUrl}/workflow/${workflowId}/executions`);
					await second
						.locator(id(`execution-details-${execution.id}`))
						.waitFor({ timeout: 30_000 });
					const listed = (await second.locator(id(`execution-details-${execution.id}`)).innerText())
						.replace(/\s+/g, ' ')
						.trim();
					return `texted ${sales.name} from ${message.from}: delivery 200 -> execution ${execution.id} (${execution.status}), item text "${item.resource?.text}"; listed: "${listed}"`;
				} finally {
					await second.close();
				}
			},
		);

		await run(
			'J7 Quo node: Message -> Send, From from the list, run: Quo gets the text',
			async (page) => {
				need(s.sampled, 'the trigger output (J4)');
				await dismissOverlays(page);
				await page.locator(id('canvas-handle-plus')).first().click();
				await page
					.locator(`${id('node-creator-search-bar')} input, input${id('node-creator-search-bar')}`)
					.first()
					.fill('Quo');
				await page
					.locator(`${id('node-creator')} ${id('item-iterator-item')}`)
					.filter({
						has: page.locator(id('node-creator-item-name')).getByText('Quo', { exact: true }),
					})
					.first()
					.click();
				await page
					.locator(`${id('node-creator')} ${id('item-iterator-item')}`)
					.filter({ hasText: /^Send a message$/ })
					.first()
					.click();
				const view = ndv(page);
				await view.locator(id('parameter-input-from')).waitFor();
				const resource =
					(await view.locator(id('parameter-input-resource')).innerText()).trim() ||
					(await view
						.locator(`${id('parameter-input-resource')} input`)
						.first()
						.inputValue());
				const operation =
					(await view.locator(id('parameter-input-operation')).innerText()).trim() ||
					(await view
						.locator(`${id('parameter-input-operation')} input`)
						.first()
						.inputValue());
				await view
					.locator(`${id('resource-locator-from')} ${id('rlc-input')}`)
					.first()
					.click();
				await page.locator(id('rlc-item')).filter({ hasText: support.name }).first().waitFor();
				const listed = (await page.locator(id('rlc-item')).allInnerTexts()).map((t) => t.trim());
				assert(!listed.some((t) => t.includes(support.id)), `From lists ids: ${listed.join(', ')}`);
				await page.locator(id('rlc-item')).filter({ hasText: support.name }).first().click();
				await view
					.locator(`${id('parameter-input-to')} input, ${id('parameter-input-to')} textarea`)
					.first()
					.fill(CUSTOMER);
				await view
					.locator(
						`${id('parameter-input-content')} input, ${id('parameter-input-content')} textarea`,
					)
					.first()
					.fill(REPLY);
				const from = standIn.requests.length;
				const messagesBefore = standIn.state.messages.length;
				await view.locator(id('node-execute-button')).first().click();
				const post = await waitFor(
					'POST /v1/messages at Quo',
					() =>
						standIn.requests
							.slice(from)
							.find((r) => r.method === 'POST' && r.path === '/v1/messages' && r.status === 202),
					{ timeoutMs: 30_000 },
				);
				assert(
					JSON.stringify(post.body) ===
						JSON.stringify({ content: REPLY, from: support.id, to: [CUSTOMER] }) ||
						((post.body as { from?: string }).from === support.id &&
							(post.body as { content?: string }).content === REPLY),
					`POST /v1/messages ${JSON.stringify(post.body)}`,
				);
				assert(
					standIn.state.messages.length === messagesBefore + 1,
					'the stand-in holds no new message',
				);
				const sent = standIn.state.messages[0];
				await view
					.locator(`${id('output-panel')} ${id('ndv-items-count')}`)
					.first()
					.waitFor({ timeout: 30_000 });
				await view.locator(`${id('output-panel')} ${id('radio-button-json')}`).click();
				const output = (
					await view.locator(`${id('output-panel')} ${id('ndv-data-container')}`).innerText()
				).replace(/\s+/g, '');
				assert(
					output.includes(`"id":"${sent.id}"`),
					`the output does not show message ${sent.id}: ${output.slice(0, 300)}`,
				);
				assertValidRequests(standIn, from);
				if (shots) {
					await closeNdv(page);
					await dismissOverlays(page);
					await page
						.locator(id('zoom-to-fit'))
						.click()
						.catch(() => undefined);
					await page.waitForTimeout(800);
					await shoot('workflow.png');
				}
				return `${resource} -> ${operation}; From listed ${listed.join(', ')}, picked ${support.name}; Quo got POST /v1/messages 202 (valid) -> message ${sent.id} "${sent.text}" to ${sent.to.join(', ')}, shown as the output`;
			},
		);
	} finally {
		await browser?.close().catch(() => undefined);
		await standIn.close();
	}
}
