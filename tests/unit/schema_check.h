/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small JSON Schema (draft 2020-12) validator for the subset of keywords
 * results/schema-v1.json uses: type, properties, required,
 * additionalProperties, items, minItems, maxItems, enum, const, minimum,
 * maximum, minLength, $ref to "#/$defs/...".  Any other keyword is
 * reported as an error, so the schema cannot silently outgrow it.
 */
#ifndef HCBENCH_SCHEMA_CHECK_H
#define HCBENCH_SCHEMA_CHECK_H

#include <jansson.h>

/*
 * 0 when inst conforms to schema; otherwise -1 with the first problem,
 * as "path: what", in err (size errlen).
 */
int schema_check(json_t *root_schema, json_t *inst, char *err,
		 size_t errlen);

#endif /* HCBENCH_SCHEMA_CHECK_H */
