// Turns HTTP failures into a message a person can act on and, where it helps, an action.
// The APIs answer errors as {"error": "...", "code": "UPPER_SNAKE"} (DESIGN.md).

export class ApiError extends Error {
  constructor(status, code, message, action = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.action = action;
  }
}

const BY_STATUS = {
  400: 'The request was not accepted.',
  401: 'Your sign-in has expired or is not valid. Sign in again.',
  403: 'You do not have access to this. It may be someone else\'s private asset.',
  404: 'Not found. It may have been deleted, or the link is wrong.',
  409: 'That conflicts with the current state. Reload and try again.',
  413: 'The file is larger than the server accepts.',
  415: 'This type of file is not accepted. Upload a video, audio or image file.',
  429: 'Too many requests. Wait a moment and try again.',
};

/** status: HTTP status (0 = no response); body: parsed JSON or text, if any. */
export function describeFailure(status, body) {
  const serverMessage = body && typeof body === 'object' && typeof body.error === 'string' ? body.error : null;
  const code = body && typeof body === 'object' && typeof body.code === 'string' ? body.code : `HTTP_${status}`;
  if (status === 0) {
    return new ApiError(0, 'NETWORK', 'Cannot reach the server. Check your connection and that the service is running.');
  }
  if (status === 401) return new ApiError(401, code, BY_STATUS[401], 'signin');
  const base = serverMessage || BY_STATUS[status] || (status >= 500
    ? `The server had a problem (HTTP ${status}). Try again in a moment.`
    : `The request failed (HTTP ${status}).`);
  return new ApiError(status, code, base);
}
