"""Task records and the machinery that runs them: accounts, credits, the task lifecycle,
runners (embedded thread pool or Celery), callback delivery and the retention sweep.

The database row is the truth: a stage is recorded (and its callback queued in the
outbox) in one transaction before anyone is told about it.
"""
