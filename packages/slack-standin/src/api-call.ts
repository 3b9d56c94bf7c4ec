export interface ApiReply {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

/**
 * Call the stand-in's Web API the way @slack/web-api does: form body, JSON-encoded nested fields, Bearer
 * token (pass null to send none). For tests of the stand-in itself; the app uses the real WebClient.
 */
export async function callApi(
  standin: { apiUrl: string; botToken: string },
  method: string,
  params: Record<string, unknown> = {},
  token: string | null = standin.botToken,
): Promise<ApiReply> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined) form.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  }
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${standin.apiUrl}${method}`, { method: 'POST', headers, body: form.toString() });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(text);
    json = typeof parsed === 'object' && parsed !== null ? { ...parsed } : { raw: text };
  } catch {
    json = { raw: text };
  }
  return { status: res.status, headers: res.headers, json };
}
