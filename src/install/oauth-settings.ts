/** The app's OAuth credentials and key, as the configuration gives them. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** TOKEN_ENCRYPTION_KEY: 32 bytes. */
  encryptionKey: Buffer;
  /** TOKEN_ENCRYPTION_KEY_PREVIOUS: still decrypts rows written before the key was rotated. */
  previousEncryptionKey?: Buffer;
  /** Where the Add to Slack link goes: Slack's authorize URL, or the one beside SLACK_API_URL. */
  authorizationUrl: string;
  /** SLACK_REDIRECT_URI, when the app has several Redirect URLs configured. */
  redirectUri?: string;
}
