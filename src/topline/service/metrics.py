"""Prometheus metrics of the API process."""

from prometheus_client import Counter, Gauge, Histogram

REQUESTS = Counter("topline_http_requests_total", "HTTP requests", ["method", "route", "code"])
LATENCY = Histogram("topline_http_request_seconds", "HTTP request latency", ["route"])
TASKS_ACCEPTED = Counter("topline_tasks_accepted_total", "Tasks accepted")
UPLOADS = Counter("topline_uploads_total", "Files uploaded", ["kind"])
TASKS_BY_STATUS = Gauge("topline_tasks", "Tasks in the database by status (all processes)", ["status"])
DELIVERIES_BY_STATE = Gauge("topline_callback_deliveries", "Callback deliveries by state", ["state"])
