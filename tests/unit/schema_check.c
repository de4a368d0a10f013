// SPDX-License-Identifier: GPL-2.0
/* Subset JSON Schema validator for the unit tests; see schema_check.h. */
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "schema_check.h"

struct sc {
	json_t *root;
	char *err;
	size_t errlen;
};

static int sc_fail(struct sc *c, const char *path, const char *what,
		   const char *detail)
{
	snprintf(c->err, c->errlen, "%s: %s%s%s", path[0] ? path : "/", what,
		 detail ? " " : "", detail ? detail : "");
	return -1;
}

static int type_is(json_t *inst, const char *t)
{
	if (!strcmp(t, "object"))
		return json_is_object(inst);
	if (!strcmp(t, "array"))
		return json_is_array(inst);
	if (!strcmp(t, "string"))
		return json_is_string(inst);
	if (!strcmp(t, "integer"))
		return json_is_integer(inst);
	if (!strcmp(t, "number"))
		return json_is_number(inst);
	if (!strcmp(t, "boolean"))
		return json_is_boolean(inst);
	if (!strcmp(t, "null"))
		return json_is_null(inst);
	return 0;
}

static int check_type(struct sc *c, json_t *s, json_t *inst,
		      const char *path)
{
	json_t *t = json_object_get(s, "type"), *v;
	size_t i;

	if (!t)
		return 0;
	if (json_is_string(t))
		return type_is(inst, json_string_value(t)) ? 0 :
		       sc_fail(c, path, "not of type", json_string_value(t));
	json_array_foreach(t, i, v)
		if (type_is(inst, json_string_value(v)))
			return 0;
	return sc_fail(c, path, "none of the allowed types", NULL);
}

static int check_node(struct sc *c, json_t *s, json_t *inst,
		      const char *path);

static int check_object(struct sc *c, json_t *s, json_t *inst,
			const char *path)
{
	json_t *props = json_object_get(s, "properties");
	json_t *addl = json_object_get(s, "additionalProperties");
	json_t *req = json_object_get(s, "required"), *v, *ps;
	char sub[512];
	const char *k;
	size_t i;

	json_array_foreach(req, i, v)
		if (!json_object_get(inst, json_string_value(v)))
			return sc_fail(c, path, "missing required",
				       json_string_value(v));
	json_object_foreach(inst, k, v) {
		snprintf(sub, sizeof(sub), "%s/%s", path, k);
		ps = props ? json_object_get(props, k) : NULL;
		if (!ps && json_is_false(addl))
			return sc_fail(c, sub, "property not allowed", NULL);
		if (!ps && json_is_object(addl))
			ps = addl;
		if (ps && check_node(c, ps, v, sub))
			return -1;
	}
	return 0;
}

static int check_array(struct sc *c, json_t *s, json_t *inst,
		       const char *path)
{
	json_t *items = json_object_get(s, "items");
	json_t *mn = json_object_get(s, "minItems");
	json_t *mx = json_object_get(s, "maxItems"), *v;
	size_t n = json_array_size(inst), i;
	char sub[512];

	if (mn && n < (size_t)json_integer_value(mn))
		return sc_fail(c, path, "too few items", NULL);
	if (mx && n > (size_t)json_integer_value(mx))
		return sc_fail(c, path, "too many items", NULL);
	json_array_foreach(inst, i, v) {
		snprintf(sub, sizeof(sub), "%s/%zu", path, i);
		if (items && check_node(c, items, v, sub))
			return -1;
	}
	return 0;
}

static int check_values(struct sc *c, json_t *s, json_t *inst,
			const char *path)
{
	json_t *en = json_object_get(s, "enum"), *v;
	json_t *cn = json_object_get(s, "const");
	json_t *mn = json_object_get(s, "minimum");
	json_t *mx = json_object_get(s, "maximum");
	json_t *ml = json_object_get(s, "minLength");
	size_t i;
	int found = 0;

	if (cn && !json_equal(cn, inst))
		return sc_fail(c, path, "differs from const", NULL);
	json_array_foreach(en, i, v)
		found |= json_equal(v, inst);
	if (en && !found)
		return sc_fail(c, path, "not in enum", NULL);
	if (json_is_number(inst) && mn &&
	    json_number_value(inst) < json_number_value(mn))
		return sc_fail(c, path, "below minimum", NULL);
	if (json_is_number(inst) && mx &&
	    json_number_value(inst) > json_number_value(mx))
		return sc_fail(c, path, "above maximum", NULL);
	if (json_is_string(inst) && ml &&
	    strlen(json_string_value(inst)) < (size_t)json_integer_value(ml))
		return sc_fail(c, path, "string too short", NULL);
	return 0;
}

static int known_keyword(const char *k)
{
	static const char *const kw[] = {
		"$schema", "$id", "$defs", "$ref", "$comment", "title",
		"description", "type", "properties", "required",
		"additionalProperties", "items", "minItems", "maxItems",
		"enum", "const", "minimum", "maximum", "minLength",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kw); i++)
		if (!strcmp(k, kw[i]))
			return 1;
	return 0;
}

static int check_node(struct sc *c, json_t *s, json_t *inst,
		      const char *path)
{
	json_t *ref = json_object_get(s, "$ref"), *v;
	const char *k, *r;

	json_object_foreach(s, k, v)
		if (!known_keyword(k))
			return sc_fail(c, path, "unsupported schema keyword",
				       k);
	if (ref) {
		r = json_string_value(ref);
		if (!r || strncmp(r, "#/$defs/", 8))
			return sc_fail(c, path, "unsupported $ref", r);
		s = json_object_get(json_object_get(c->root, "$defs"), r + 8);
		if (!s)
			return sc_fail(c, path, "dangling $ref", r);
		return check_node(c, s, inst, path);
	}
	if (check_type(c, s, inst, path) || check_values(c, s, inst, path))
		return -1;
	if (json_is_object(inst))
		return check_object(c, s, inst, path);
	if (json_is_array(inst))
		return check_array(c, s, inst, path);
	return 0;
}

int schema_check(json_t *root_schema, json_t *inst, char *err, size_t errlen)
{
	struct sc c = { root_schema, err, errlen };

	err[0] = '\0';
	return check_node(&c, root_schema, inst, "");
}
