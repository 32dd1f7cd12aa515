# The two commands of Groundwork. Everything else is in the README.
SHELL := /bin/bash
MVN := ./mvnw -B --no-transfer-progress

.PHONY: run test

# A PostgreSQL with pgvector (Docker Compose, or a local server installed when missing), a build,
# the bundled roadmaps imported, then the app on http://localhost:8080 (Ctrl-C stops it).
run:
	scripts/db.sh ensure
	$(MVN) -DskipTests package
	java -jar ingest/target/groundwork-ingest.jar import roadmaps/*.txt
	@echo "Single-user mode: no login, one learner, listening on 127.0.0.1 only (the README's Accounts section has the rest)."
	java -jar api/target/groundwork-api.jar --groundwork.security.mode=single-user --server.address=127.0.0.1

# Every test: Java unit (*Test) and integration (*IT, real PostgreSQL), web unit (Vitest),
# browser end-to-end (Chromium). Each run gets its own fresh database.
test:
	scripts/db.sh ensure
	scripts/db.sh browser
	set -a && eval "$$(scripts/db.sh env)" && set +a && $(MVN) verify
