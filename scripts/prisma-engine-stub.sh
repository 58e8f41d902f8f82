#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded on
# machines without access to Prisma's binary host. `prisma generate` never runs
# it; any migrate command that tries to fails loudly here instead of silently
# doing nothing. Apply migrations with `npm run db:migrate`.
echo "The Prisma schema engine is not available here. Use 'npm run db:migrate' to apply migrations and 'npm run db:diff' to render SQL." >&2
exit 1
