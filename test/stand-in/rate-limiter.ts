const windowMs = 1000;

/** At most `perSecond` admitted requests per key in any sliding 1000 ms window; 0 or Infinity admits everything. */
export class SlidingWindowRateLimiter {
	private readonly admittedAt = new Map<string, number[]>();

	constructor(private perSecond: number) {}

	setLimit(perSecond: number): void {
		this.perSecond = perSecond;
	}

	tryAdmit(key: string, now: number): boolean {
		if (!(this.perSecond > 0 && Number.isFinite(this.perSecond))) return true;
		const recent = (this.admittedAt.get(key) ?? []).filter((time) => now - time < windowMs);
		const admitted = recent.length < this.perSecond;
		if (admitted) recent.push(now);
		this.admittedAt.set(key, recent);
		return admitted;
	}

	clear(): void {
		this.admittedAt.clear();
	}
}
