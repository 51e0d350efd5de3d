import { strFromU8, unzipSync } from 'fflate';
import { evidenceZipName, zipEvidence } from './evidence-zip';

const NOW = new Date('2026-11-26T10:00:00Z');

describe('the evidence zip', () => {
  it('given the export’s files, when zipped, then unzipping gives them back byte for byte, under a name with the export’s time', () => {
    const files = [
      { name: 'leavers.csv', content: 'run_id,name\nr-1,Zoë Ångström\n' },
      { name: 'manifest.json', content: '{"files":[]}\n' },
    ];

    const unzipped = unzipSync(zipEvidence(files, NOW));

    expect(Object.fromEntries(Object.entries(unzipped).map(([name, bytes]) => [name, strFromU8(bytes)]))).toEqual({
      'leavers.csv': files[0]!.content,
      'manifest.json': files[1]!.content,
    });
    expect(evidenceZipName(NOW)).toBe('tenure-evidence-20261126T100000Z.zip');
  });
});
