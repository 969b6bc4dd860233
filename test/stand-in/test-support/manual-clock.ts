import type { StandInClock } from '../types';

/** A clock that moves only when the test says so; the stand-in's waits end when it passes their time. */
export class ManualClock implements StandInClock {
	private time = 1_800_000_000_000;

	private readonly sleepers: Array<{ until: number; wake: () => void }> = [];

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		await new Promise<void>((wake) => this.sleepers.push({ until: this.time + ms, wake }));
	}

	/** How many waits have not ended. */
	get waiting(): number {
		return this.sleepers.length;
	}

	/** Moves the time forward, ending the waits it passes, earliest first. */
	advance(ms: number): void {
		this.time += ms;
		this.sleepers.sort((a, b) => a.until - b.until);
		while (this.sleepers.length > 0 && this.sleepers[0].until <= this.time)
			this.sleepers.shift()!.wake();
	}
}
