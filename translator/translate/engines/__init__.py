"""Translation engines: each turns a batch of sentences into their translations."""
