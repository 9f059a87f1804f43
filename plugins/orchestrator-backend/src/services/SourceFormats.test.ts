import { SourceFormats, formatOf } from './SourceFormats';

describe('SourceFormats', () => {
  it('reads a version source once, then answers from memory until the TTL', async () => {
    let now = 0;
    const readSource = jest.fn(async () => '{"id":"greeting"}');
    const formats = new SourceFormats(readSource, 60_000, () => now);

    await expect(formats.get('greeting', '1.0')).resolves.toBe('json');
    await expect(formats.get('greeting', '1.0')).resolves.toBe('json');
    expect(readSource).toHaveBeenCalledTimes(1);

    now = 60_000;
    readSource.mockResolvedValueOnce('id: greeting\n');
    await expect(formats.get('greeting', '1.0')).resolves.toBe('yaml');
    expect(readSource).toHaveBeenCalledTimes(2);
  });

  it('asks again for a new version', async () => {
    const readSource = jest.fn(async () => 'id: greeting\n');
    const formats = new SourceFormats(readSource, 60_000);
    await formats.get('greeting', '1.0');
    await formats.get('greeting', '2.0');
    expect(readSource).toHaveBeenCalledTimes(2);
  });

  it('remembers nothing when the source cannot be read', async () => {
    const readSource = jest
      .fn<Promise<string | undefined>, [string]>()
      .mockRejectedValueOnce(new Error('Data Index down'))
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce('{}');
    const formats = new SourceFormats(readSource, 60_000);
    await expect(formats.get('greeting', '1.0')).resolves.toBeUndefined();
    await expect(formats.get('greeting', '1.0')).resolves.toBeUndefined();
    await expect(formats.get('greeting', '1.0')).resolves.toBe('json');
  });

  it('tells JSON by its opening brace', () => {
    expect(formatOf('  \n{ "id": "x" }')).toBe('json');
    expect(formatOf('id: x\nstates: []')).toBe('yaml');
  });
});
