import { toE164 } from '../../../../nodes/Quo/actions/phoneNumbers';

describe('toE164: phone numbers as people write them', () => {
	test.each([
		['+15555550100', '+15555550100'],
		['+1 (555) 555-0100', '+15555550100'],
		['(555) 555-0100', '+15555550100'],
		['555.555.0100', '+15555550100'],
		['1-555-555-0100', '+15555550100'],
		['+44 20 7946 0958', '+442079460958'],
		['0044 20 7946 0958', '+442079460958'],
		[' +49 30 901820 ', '+4930901820'],
	])('%s is %s', (written, e164) => {
		expect(toE164(written)).toBe(e164);
	});

	test.each([
		['555-0100', 'too short without a country code'],
		['020 7946 0958', 'a national number of another country'],
		['(055) 555-0100', 'not a North American area code'],
		['+1 555 555 0100 x12', 'an extension'],
		['call me', 'words'],
		['5555+550100', 'a plus inside'],
		['+0 555 555 0100', 'a country code starting with 0'],
		['+1234567890123456', 'more than 15 digits'],
	])('%s is not (%s)', (written) => {
		expect(toE164(written)).toBeUndefined();
	});
});
