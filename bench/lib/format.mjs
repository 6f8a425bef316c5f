// Number formatting shared by the console output and RESULTS.md.
export const formatMs = (ms) => (ms == null ? "–" : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`);
export const formatMB = (bytes) => (bytes == null ? "–" : `${(bytes / 1e6).toFixed(bytes < 1e6 ? 3 : 1)} MB`);
export const formatRssMB = (kb) => (kb == null ? "–" : `${Math.round(kb / 1024)} MB`);
export const formatRatio = (value) => (value == null ? "–" : `${value < 10 ? value.toFixed(2) : value.toFixed(1)}x`);
export const ratio = (numerator, denominator) => (numerator > 0 && denominator > 0 ? numerator / denominator : null);
/** "met" or how far past the limit a value is, as the issue asks. */
export const verdictAtMost = (value, limit) => (value == null ? "not measured" : value <= limit ? "met" : `missed by ${Math.round((value / limit - 1) * 100)}%`);
