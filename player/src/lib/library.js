// The library's query and paging. The API answers {items, page, size, total}; DESIGN.md does not
// say whether pages count from 0 or 1, so the first page's number is learnt from the first answer.

export const STATUSES = ['UPLOADING', 'PROCESSING', 'PLAYABLE', 'READY', 'FAILED'];
export const PAGE_SIZE = 12;

export function libraryQuery({ status = '', q = '', page = null, size = PAGE_SIZE } = {}) {
  const params = new URLSearchParams();
  if (status && STATUSES.includes(status)) params.set('status', status);
  if (q && q.trim()) params.set('q', q.trim());
  if (page !== null && page !== undefined) params.set('page', String(page));
  params.set('size', String(size));
  return `/api/assets?${params}`;
}

/** firstPage: the page number the server gave for a request without `page`. */
export function paging(response, firstPage) {
  const page = Number(response?.page ?? firstPage ?? 0);
  const size = Math.max(1, Number(response?.size) || PAGE_SIZE);
  const total = Math.max(0, Number(response?.total) || 0);
  const base = Number.isFinite(Number(firstPage)) ? Number(firstPage) : page;
  const index = page - base; // 0-based position of this page
  const pages = Math.max(1, Math.ceil(total / size));
  return {
    page,
    pages,
    number: index + 1,
    hasPrev: index > 0,
    hasNext: (index + 1) * size < total,
    prev: page - 1,
    next: page + 1,
    total,
  };
}

/** Marks which assets belong to the signed-in user, for the "yours" badge. */
export function isMine(asset, user) {
  return Boolean(user) && asset?.owner === user;
}
