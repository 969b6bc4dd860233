/** A list parameter as an array, whether it came as one (pickers, expressions) or as comma-separated text. */
export function listOf(value: unknown): string[] {
	const entries = Array.isArray(value)
		? value.map((entry) => String(entry))
		: String(value ?? '').split(',');
	return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}
