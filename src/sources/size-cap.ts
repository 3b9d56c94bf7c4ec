/** The largest registry read from a file or a URL unless REGISTRY_MAX_BYTES says otherwise: 5 MiB. */
export const DEFAULT_REGISTRY_MAX_BYTES = 5 * 1024 * 1024;

/** A registry source over the size cap; its message says so, with the cap. */
export class RegistryTooLargeError extends Error {
  constructor(size: number | undefined, maxBytes: number) {
    super(
      `${size === undefined ? 'larger' : `${size} bytes, larger`} than REGISTRY_MAX_BYTES (${maxBytes} bytes); refused`,
    );
    this.name = 'RegistryTooLargeError';
  }
}
