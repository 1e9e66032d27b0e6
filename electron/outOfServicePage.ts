/**
 * Shown after repeated renderer crashes (crashPolicy.ts). Static and script-free on purpose: it
 * must render even when the app's own bundle is what keeps crashing. The kiosk's languages are
 * all on it because the i18n layer lives in that bundle.
 */
export const OUT_OF_SERVICE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Out of service</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body style="margin:0;height:100vh;display:flex;align-items:center;justify-content:center;background:#101418;color:#f5f7fa;font:24px/1.4 sans-serif;text-align:center">
<main>
<h1 style="font-size:40px">Out of service</h1>
<p>This kiosk is not working right now. Please use another one or contact your system administrator.</p>
<p lang="de">Dieses Terminal ist außer Betrieb. Bitte verwenden Sie ein anderes oder wenden Sie sich an Ihren Systemadministrator.</p>
<p lang="fr">Cette borne est hors service. Veuillez en utiliser une autre ou contacter votre administrateur système.</p>
</main></body></html>`;
