import { csvCell, csvLine, wantsCsv } from './audit-csv';

describe(csvCell.name, () => {
  it.each<[string | number | boolean | null, string]>([
    ['plain', 'plain'],
    [null, ''],
    [42, '42'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['{"a":1,"b":"x"}', '"{""a"":1,""b"":""x""}"'],
    ['+12175550123', '+12175550123'],
    ['-5', '-5'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+cmd|x', "'+cmd|x"],
  ])('should write %p as %p', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('should end a line with CRLF', () => {
    expect(csvLine(['a', null, 'b c'])).toBe('a,,b c\r\n');
  });
});

describe(wantsCsv.name, () => {
  it.each<[unknown, string | undefined, boolean]>([
    ['csv', undefined, true],
    [undefined, 'text/csv', true],
    [undefined, 'text/csv; charset=utf-8', true],
    [undefined, 'application/json, text/csv;q=0.5', false],
    [undefined, 'application/json', false],
    [undefined, undefined, false],
    ['json', 'text/csv', false],
  ])('should answer for format %p and Accept %p: %p', (format, accept, expected) => {
    expect(wantsCsv(format, accept)).toBe(expected);
  });

  it('should refuse another format with a 400 naming format', () => {
    expect(() => wantsCsv('xml', undefined)).toThrow(expect.objectContaining({ code: 'invalid_query', httpStatus: 400, details: { field: 'format' } }));
  });
});
