import { erasureSchema } from './erasure-schema';

const valid = { identityId: 'id-1', employeeNumber: '10036', legalReference: 'GDPR art. 17, request 2026-041', confirmation: '10036' };

describe('erasure form', () => {
  it('given a legal reference and the employee number typed again, when validated, then it is accepted', () => {
    expect(erasureSchema.safeParse(valid).success).toBe(true);
  });

  it('given another number typed, when validated, then the confirmation field says what to type', () => {
    const parsed = erasureSchema.safeParse({ ...valid, confirmation: '10037' });

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['confirmation'], message: expect.stringContaining('10036') })]);
  });

  it('given no legal reference, when validated, then the reference field asks for it', () => {
    const parsed = erasureSchema.safeParse({ ...valid, legalReference: '  ' });

    expect(parsed.error?.issues).toEqual([expect.objectContaining({ path: ['legalReference'] })]);
  });
});
