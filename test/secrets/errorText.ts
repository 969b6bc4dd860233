/** Everything an error carries that n8n may log, show or store, as one string. */
export function everythingIn(error: Error): string {
	return (
		JSON.stringify(error, [
			...Object.getOwnPropertyNames(error),
			'message',
			'description',
			'context',
			'cause',
			'data',
		]) + String(error.stack)
	);
}
