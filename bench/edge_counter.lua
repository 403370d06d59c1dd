-- wrk script: POST to the trivial Durable Object counter (the baseline).
wrk.method = "POST"
