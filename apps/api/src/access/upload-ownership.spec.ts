import { ForbiddenException, NotFoundException } from '@nestjs/common';
import type { Principal } from './principal';
import { caseloadAgencyOf, requireOwnUpload } from './upload-ownership';

const manager: Principal = { subject: 'manager-gent', role: 'manager', organisation: 'IN_GENT' };
const vdab: Principal = { subject: 'vdab-system', role: 'work-partner', organisation: 'VDAB' };

describe('who may read an uploaded file', () => {
  const upload = { importId: 'i-1', agency: 'IN_GENT' };

  it('is the organisation that sent it', () => {
    expect(requireOwnUpload(manager, upload, (own) => own.agency, 'caseload import i-1')).toBe(upload);
  });

  it('is nobody else, and to them the import does not exist', () => {
    expect(() => requireOwnUpload(vdab, upload, (own) => own.agency, 'caseload import i-1')).toThrow(
      new NotFoundException('caseload import i-1 not found'),
    );
    expect(() => requireOwnUpload(manager, null, (own: typeof upload) => own.agency, 'import i-2')).toThrow(
      NotFoundException,
    );
  });
});

describe('whose caseload a caller opens in bulk', () => {
  it("is the caller's own agency", () => {
    expect(caseloadAgencyOf(manager)).toBe('IN_GENT');
  });

  it('is refused to an organisation that is not an agency', () => {
    expect(() => caseloadAgencyOf(vdab)).toThrow(ForbiddenException);
  });
});
