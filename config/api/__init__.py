"""The API's shared plumbing: errors, parsing, paging, throttling, permissions, strict input and
the schema helpers. Each app's API (forecasts/api/, sources/api/) builds on it; the settings'
REST_FRAMEWORK points here."""
