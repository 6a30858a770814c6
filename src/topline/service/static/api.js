// The public HTTP API, nothing else: every answer is {code, msg, data}; errors carry msg for the user.

const KEY = "topline.apiKey";

export const getKey = () => localStorage.getItem(KEY) || "";
export function setKey(key) {
  if (key) localStorage.setItem(KEY, key);
  else localStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(code, message, retryAfter = 0) {
    super(message);
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

export async function call(path, { method = "GET", json, form, auth = true } = {}) {
  const headers = {};
  if (auth) headers.Authorization = `Bearer ${getKey()}`;
  let body;
  if (json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  let res;
  try {
    res = await fetch(path, { method, headers, body });
  } catch {
    throw new ApiError(0, "Could not reach the Topline server: check that it is running and that you are online, then try again.");
  }
  let payload = null;
  try {
    payload = await res.json();
  } catch {
    // not JSON (a proxy's error page, say): fall back to the HTTP status below
  }
  const code = payload && typeof payload.code === "number" ? payload.code : res.status;
  if (!res.ok || code !== 200) {
    const msg = (payload && payload.msg) || `The server answered HTTP ${res.status}.`;
    throw new ApiError(code, msg, Number(res.headers.get("Retry-After")) || 0);
  }
  return payload ? payload.data : null;
}

// What the user can do about an error, one sentence, by code.
export function advice(err) {
  switch (err.code) {
    case 401: return "Enter a valid API key in the “API key” box (or create a development key).";
    case 402: return "Your key has no credits left: ask the server’s operator to add some (topline keys credit ACCOUNT AMOUNT), or use another key.";
    case 404: return "";
    case 413: case 451: return "Check the instrumental: choose an MP3, WAV, FLAC, OGG or M4A file, or a URL the server can download, and submit again.";
    case 422: return "Fix the value named above and submit again.";
    case 429: return `Too many requests: wait ${err.retryAfter || "a few"} second${err.retryAfter === 1 ? "" : "s"} and try again.`;
    case 455: return "The server is in maintenance: try again later.";
    case 0: return "";
    default: return err.code >= 500 ? "Try again; if it keeps failing, tell the server’s operator." : "";
  }
}

export const credits = () => call("/api/v1/chat/credit");
export const devKey = () => call("/api/v1/dev/keys", { method: "POST", auth: false });
export const recordInfo = (taskId) => call(`/api/v1/generate/record-info?taskId=${encodeURIComponent(taskId)}`);
export const recordList = (page = 1, pageSize = 20) => call(`/api/v1/generate/record-list?page=${page}&pageSize=${pageSize}`);
export const addVocals = (body) => call("/api/v1/generate/add-vocals", { method: "POST", json: body });
export const timestampedLyrics = (taskId, audioId) =>
  call("/api/v1/generate/get-timestamped-lyrics", { method: "POST", json: { taskId, audioId } });

export async function upload(file) {
  const form = new FormData();
  form.append("file", file, file.name);
  form.append("uploadPath", "playground");
  form.append("fileName", file.name);
  const data = await call("/api/file-stream-upload", { method: "POST", form });
  return data.downloadUrl || data.fileUrl;
}

// The endpoints around add-vocals (docs/api-extras.md): each answers {taskId}; poll its record-info.
const post = (path, json) => call(path, { method: "POST", json });
export const midiGenerate = (taskId, audioId, callBackUrl) => post("/api/v1/midi/generate", { taskId, audioId, callBackUrl });
export const midiInfo = (taskId) => call(`/api/v1/midi/record-info?taskId=${encodeURIComponent(taskId)}`);
export const splitStems = (taskId, audioId, callBackUrl) =>
  post("/api/v1/vocal-removal/generate", { taskId, audioId, callBackUrl, type: "split_stem" });
export const stemsInfo = (taskId) => call(`/api/v1/vocal-removal/record-info?taskId=${encodeURIComponent(taskId)}`);
