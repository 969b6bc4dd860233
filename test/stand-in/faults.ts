import type { FaultRule } from './types';

interface ActiveFault {
	rule: FaultRule;
	remaining: number;
}

/** Injected faults, applied in the order added, each to the next `times` matching requests. */
export class FaultList {
	private readonly active: ActiveFault[] = [];

	add(rule: FaultRule): void {
		const times = rule.times ?? 1;
		if (!(times > 0)) throw new Error(`A fault needs times > 0, got ${times}`);
		this.active.push({ rule, remaining: times });
	}

	clear(): void {
		this.active.length = 0;
	}

	take(method: string, path: string): FaultRule | null {
		const fault = this.active.find(({ rule }) => matches(rule, method, path));
		if (!fault) return null;
		fault.remaining -= 1;
		if (fault.remaining <= 0) this.active.splice(this.active.indexOf(fault), 1);
		return fault.rule;
	}
}

function matches(rule: FaultRule, method: string, path: string): boolean {
	if (rule.method !== undefined && rule.method.toUpperCase() !== method) return false;
	if (rule.path === undefined) return true;
	return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
}
