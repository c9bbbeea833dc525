"""Rate limits and retries, tested against a loopback server that enforces the service's limits."""
