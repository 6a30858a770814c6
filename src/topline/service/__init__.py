"""The HTTP service: kie.ai/sunoapi.org-compatible routes, file serving, uploads, the playground."""
