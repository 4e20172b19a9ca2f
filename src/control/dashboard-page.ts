/**
 * The HTML shell of the dashboard at `/__emulator/ui`: everything it shows is drawn by
 * dashboard.js (ui/dashboard/) from the control-plane API. Same-origin assets only.
 */
/**
 * The policy of the dashboard and docs pages (see the UI contract): nothing but this origin, and
 * Redoc's needs.
 */
export const PAGE_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
  "worker-src 'self' blob:; connect-src 'self'"

export function dashboardPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gpt-image-emulator dashboard</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/__emulator/assets/dashboard.css">
<script type="module" src="/__emulator/assets/dashboard.js"></script>
</head>
<body>
<div id="app"></div>
<noscript>The dashboard needs JavaScript. The same data is in the control-plane API: GET /__emulator/journal, /__emulator/tasks, /__emulator/deliveries, /__emulator/faults and /__emulator/keys.</noscript>
</body>
</html>
`
}
