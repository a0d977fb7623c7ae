/* sentry_guard._speedups: the optional compiled scanner behind the detectors' `locate`.
 *
 * One pass over each string flags the features the detectors look for (an "@", 13 digits
 * in a row, "eyJ", a token prefix, ...) and reads the key before every "=" and ":" for
 * the pair rule. Every feature is a necessary condition of its detector's exact `find`
 * (which runs in Python on the flagged strings only), so flagging too much costs time and
 * never a leak; tests/test_locate.py checks that with hypothesis, as for the pure-Python
 * locators this replaces. Code points above 127 match no feature: every pattern is ASCII.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* The order of the lists `scan` returns (FEATURES in detectors.py). */
enum {
    F_BRACKET, /* "{" or "[": JSON text or a repr */
    F_AT,      /* "@": emails, URL userinfo */
    F_JWT,     /* "eyJ" */
    F_AUTH,    /* bearer, basic, token, digest, apikey, api-key, in any case */
    F_PEM,     /* "PRIVATE KEY" */
    F_TOKEN,   /* a well-known token prefix */
    F_CARD,    /* 13 digits in a row, spaces and dashes aside, in a string that is not a decimal */
    F_IBAN,    /* two capitals, two digits */
    F_SSN,     /* "-00-0000" */
    F_IPV4,    /* "0.0.0.0" with 1-3 digits in the middle groups */
    F_IPV6,    /* "::" or ":h:h:h:" */
    F_DIGITS,  /* two digits in a row (phones) */
    F_PAIR,    /* a sensitive key before "=" or ":" */
    N_FEATURES
};

#define MAX_KEY 128

#if PY_VERSION_HEX < 0x030A0000 /* Py_NewRef arrived in 3.10 */
static inline PyObject *
compat_new_ref(PyObject *object)
{
    Py_INCREF(object);
    return object;
}
#define Py_NewRef(object) compat_new_ref((PyObject *)(object))
#endif

#define IS_DIGIT(c) ((Py_UCS4)(c) - '0' < 10u)
#define IS_UPPER(c) ((Py_UCS4)(c) - 'A' < 26u)
#define IS_LOWER(c) ((Py_UCS4)(c) - 'a' < 26u)
#define IS_ALNUM(c) (IS_DIGIT(c) || IS_UPPER(c) || IS_LOWER(c))
#define IS_HEX(c) (IS_DIGIT(c) || (Py_UCS4)((c) | 0x20) - 'a' < 6u)
#define IS_KEY(c) (IS_ALNUM(c) || (c) == '_' || (c) == '.' || (c) == '-' || (c) == '[' || (c) == ']')
/* What the pair rule takes for a separator: "=" after a key character, a closing quote or
 * a space; ":" the same but not after a digit (a time, a port) and not before "//" (a URL). */
#define AFTER_KEY(p) (IS_ALNUM(p) || (p) == '_' || (p) == '.' || (p) == '-' || (p) == ']' ||  \
                      (p) == '"' || (p) == '\'' || (p) == ' ')
#define SEPARATES(c, p, n1, n2)                                                                \
    (AFTER_KEY(p) && ((c) == '=' || (!IS_DIGIT(p) && !((n1) == '/' && (n2) == '/'))))
#define LOWER(c) (IS_UPPER(c) ? (Py_UCS4)(c) | 0x20 : (Py_UCS4)(c))

typedef struct {
    PyObject *sensitive; /* set of keys judged sensitive */
    PyObject *judged;    /* set of keys judged at all */
    PyObject *fresh;     /* dict: key not judged yet -> list of the indices it stands in */
} PairState;

/* Record the key `buffer[0:size]` of string `index`: 1 if it is known sensitive, 0 if not
 * (a key not judged yet is noted in `fresh` for Python to judge, once per string), -1 on
 * error. */
static int
pair_key(PairState *state, Py_ssize_t index, const char *buffer, Py_ssize_t size)
{
    PyObject *key = PyUnicode_FromStringAndSize(buffer, size);
    if (key == NULL)
        return -1;
    int result = PySet_Contains(state->sensitive, key);
    if (result == 0 && (result = PySet_Contains(state->judged, key)) != 0)
        result = result < 0 ? -1 : 0; /* judged, not sensitive */
    else if (result == 0) {
        PyObject *indices = PyDict_GetItemWithError(state->fresh, key); /* borrowed */
        if (indices == NULL && !PyErr_Occurred() && (indices = PyList_New(0)) != NULL) {
            int stored = PyDict_SetItem(state->fresh, key, indices);
            Py_DECREF(indices); /* the dict holds it, or it is gone */
            indices = stored < 0 ? NULL : indices;
        }
        Py_ssize_t last = indices == NULL ? 0 : PyList_GET_SIZE(indices);
        if (indices == NULL)
            result = -1;
        else if (last == 0 || PyLong_AsSsize_t(PyList_GET_ITEM(indices, last - 1)) != index) {
            PyObject *number = PyLong_FromSsize_t(index);
            if (number == NULL || PyList_Append(indices, number) < 0)
                result = -1;
            Py_XDECREF(number);
        }
    }
    Py_DECREF(key);
    return result;
}

/* The ASCII characters where some feature is decided: digits, capitals (IBANs, "AKIA",
 * "PRIVATE KEY", "eyJ"), the blanks after an Authorization scheme, and the punctuation the
 * patterns hinge on. Every other character only ends a digit run and a decimal. */
static unsigned char TRIGGERS[128];

static void
init_triggers(void)
{
    const char *marks = " \t-{[@_.:=";
    for (int c = '0'; c <= '9'; c++)
        TRIGGERS[c] = 1;
    for (int c = 'A'; c <= 'Z'; c++)
        TRIGGERS[c] = 1;
    for (const char *m = marks; *m; m++)
        TRIGGERS[(unsigned char)*m] = 1;
}

/* Literal tests, once per string width: does `lit` stand at `at` (in any ASCII case)? */
#define DEFINE_HAS(NAME, FOLD, T)                                                              \
    static inline int NAME(const T *s, Py_ssize_t n, Py_ssize_t at, const char *lit)          \
    {                                                                                        \
        if (at < 0)                                                                          \
            return 0;                                                                        \
        for (Py_ssize_t k = 0; lit[k]; k++) {                                                \
            if (at + k >= n || FOLD(s[at + k]) != (Py_UCS4)lit[k])                           \
                return 0;                                                                    \
        }                                                                                    \
        return 1;                                                                            \
    }
#define SAME(c) ((Py_UCS4)(c))

/* Address groups, once per string width: are there `count` groups from *at, each of 1 to
 * 3 digits (1 to 4 hex digits with `hex`) followed by `end`? *at is then after the last. */
#define DEFINE_GROUPS(NAME, T)                                                                 \
    static inline int NAME(const T *s, Py_ssize_t n, Py_ssize_t *at, int count, Py_UCS4 end, \
                           int hex)                                                          \
    {                                                                                        \
        Py_ssize_t j = *at, most = hex ? 4 : 3;                                              \
        for (int group = 0; group < count; group++) {                                        \
            Py_ssize_t k = 0;                                                                \
            while (k <= most && j + k < n && (hex ? IS_HEX(s[j + k]) : IS_DIGIT(s[j + k])))  \
                k++;                                                                         \
            if (k == 0 || k > most || j + k >= n || s[j + k] != end)                         \
                return 0;                                                                    \
            j += k + 1;                                                                      \
        }                                                                                    \
        *at = j;                                                                             \
        return 1;                                                                            \
    }

/* The scanner, once per string width (PyUnicode's 1, 2 and 4 bytes per code point). */
#define DEFINE_SCAN(NAME, HAS, IHAS, GROUPS, T)                                                        \
    static int NAME(const T *s, Py_ssize_t n, Py_ssize_t index, PairState *state,            \
                    unsigned *out)                                                           \
    {                                                                                        \
        unsigned f = 0;                                                                      \
        Py_ssize_t run = 0; /* digits in a row, spaces and dashes aside */                   \
        int number = 0;     /* a decimal's shape: 0 start, 1 digits, 2 ".", 3 digits; -1 no */ \
        for (Py_ssize_t i = 0; i < n; i++) {                                                 \
            Py_UCS4 c = s[i];                                                                \
            if (c >= 128 || !TRIGGERS[c]) { /* most characters: nothing starts or ends here */ \
                run = 0;                                                                     \
                number = -1;                                                                 \
                continue;                                                                    \
            }                                                                                \
            Py_UCS4 next = i + 1 < n ? s[i + 1] : 0;                                         \
            if (IS_DIGIT(c)) {                                                               \
                if (++run >= 13)                                                             \
                    f |= 1u << F_CARD;                                                       \
                if (IS_DIGIT(next))                                                          \
                    f |= 1u << F_DIGITS;                                                     \
                number = number == 0 ? 1 : number == 2 ? 3 : number;                         \
                continue;                                                                    \
            }                                                                                \
            if ((c == ' ' || c == '\t') && !(f & (1u << F_AUTH)) &&                          \
                (IHAS(s, n, i - 6, "bearer") || IHAS(s, n, i - 5, "basic") ||                \
                 IHAS(s, n, i - 5, "token") || IHAS(s, n, i - 6, "digest") ||                \
                 IHAS(s, n, i - 6, "apikey") || IHAS(s, n, i - 7, "api-key")))               \
                f |= 1u << F_AUTH; /* a scheme is always followed by a space or a tab */      \
            if (c == ' ')                                                                    \
                continue; /* spaces and dashes group digits: they neither count nor break */ \
            if (c == '-') {                                                                  \
                if (IS_DIGIT(next) && i + 7 < n && IS_DIGIT(s[i + 2]) && s[i + 3] == '-' &&   \
                    IS_DIGIT(s[i + 4]) && IS_DIGIT(s[i + 5]) && IS_DIGIT(s[i + 6]) &&        \
                    IS_DIGIT(s[i + 7]))                                                      \
                    f |= 1u << F_SSN;                                                        \
                if (HAS(s, n, i - 2, "sk") || HAS(s, n, i - 5, "glpat") ||                    \
                    HAS(s, n, i - 4, "pypi") || HAS(s, n, i - 4, "xox"))                     \
                    f |= 1u << F_TOKEN; /* sk-, glpat-, pypi-, xox?- */                      \
                continue;                                                                    \
            }                                                                                \
            run = 0;                                                                         \
            number = (c == '.' && number == 1) ? 2 : -1;                                     \
            switch (c) {                                                                     \
            case '{':                                                                        \
            case '[':                                                                        \
                f |= 1u << F_BRACKET;                                                        \
                break;                                                                       \
            case '@':                                                                        \
                f |= 1u << F_AT;                                                             \
                break;                                                                       \
            case 'J':                                                                        \
                if (HAS(s, n, i - 2, "ey"))                                                  \
                    f |= 1u << F_JWT;                                                        \
                break;                                                                       \
            case 'P':                                                                        \
                if (HAS(s, n, i, "PRIVATE KEY"))                                             \
                    f |= 1u << F_PEM;                                                        \
                break;                                                                       \
            case 'A':                                                                        \
                if (HAS(s, n, i, "AKIA") || HAS(s, n, i, "ASIA") || HAS(s, n, i, "AIza"))    \
                    f |= 1u << F_TOKEN;                                                      \
                break;                                                                       \
            case '_': /* gh?_, github_pat_, sk_, rk_, whsec_, npm_, sntry?_, shp??_, dop_ */ \
                if (HAS(s, n, i - 3, "gh") || HAS(s, n, i - 6, "github") ||                  \
                    HAS(s, n, i - 2, "sk") || HAS(s, n, i - 2, "rk") ||                      \
                    HAS(s, n, i - 5, "whsec") || HAS(s, n, i - 3, "npm") ||                  \
                    HAS(s, n, i - 6, "sntry") || HAS(s, n, i - 5, "shp") ||                  \
                    HAS(s, n, i - 3, "dop"))                                                 \
                    f |= 1u << F_TOKEN;                                                      \
                break;                                                                       \
            case '.':                                                                        \
                if (HAS(s, n, i - 2, "SG") || HAS(s, n, i - 5, "hooks.slack"))               \
                    f |= 1u << F_TOKEN;                                                      \
                else if (i >= 1 && IS_DIGIT(s[i - 1])) { /* 0.0{1,3}.0{1,3}.0 */             \
                    Py_ssize_t j = i + 1;                                                    \
                    if (GROUPS(s, n, &j, 2, '.', 0) && j < n && IS_DIGIT(s[j]))              \
                        f |= 1u << F_IPV4;                                                   \
                }                                                                            \
                break;                                                                       \
            case ':': { /* "::" or three hex groups of 1-4 each followed by ":" */           \
                Py_ssize_t j = i + 1;                                                        \
                if (next == ':' || GROUPS(s, n, &j, 3, ':', 1))                              \
                    f |= 1u << F_IPV6;                                                       \
                break;                                                                       \
            }                                                                                \
            }                                                                                \
            if (IS_UPPER(c) && IS_UPPER(next) && i + 3 < n && IS_DIGIT(s[i + 2]) &&          \
                IS_DIGIT(s[i + 3]))                                                          \
                f |= 1u << F_IBAN;                                                           \
            if ((c == '=' || c == ':') && !(f & (1u << F_PAIR)) && i > 0 &&                 \
                SEPARATES(c, s[i - 1], next, i + 2 < n ? s[i + 2] : 0)) {                      \
                /* the key before it: key characters, then one quote, then [ \t]* */         \
                Py_ssize_t end = i;                                                          \
                while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t'))                 \
                    end--;                                                                   \
                if (end > 0 && (s[end - 1] == '"' || s[end - 1] == '\''))                    \
                    end--;                                                                   \
                Py_ssize_t start = end;                                                      \
                while (start > 0 && IS_KEY(s[start - 1]))                                    \
                    start--;                                                                 \
                if (start < end) {                                                           \
                    int hit = 1; /* a key longer than the pair rule reads is judged there */ \
                    if (end - start <= MAX_KEY) {                                            \
                        char buffer[MAX_KEY];                                                \
                        for (Py_ssize_t k = start; k < end; k++)                             \
                            buffer[k - start] = (char)s[k];                                  \
                        hit = pair_key(state, index, buffer, end - start);                   \
                        if (hit < 0)                                                         \
                            return -1;                                                       \
                    }                                                                        \
                    if (hit)                                                                 \
                        f |= 1u << F_PAIR;                                                   \
                }                                                                            \
            }                                                                                \
        }                                                                                    \
        if (number == 3)                                                                     \
            f &= ~(1u << F_CARD); /* a decimal number holds no card */                       \
        *out = f;                                                                            \
        return 0;                                                                            \
    }

DEFINE_HAS(has_ucs1, SAME, Py_UCS1)
DEFINE_HAS(has_ucs2, SAME, Py_UCS2)
DEFINE_HAS(has_ucs4, SAME, Py_UCS4)
DEFINE_HAS(ihas_ucs1, LOWER, Py_UCS1)
DEFINE_HAS(ihas_ucs2, LOWER, Py_UCS2)
DEFINE_HAS(ihas_ucs4, LOWER, Py_UCS4)
DEFINE_GROUPS(groups_ucs1, Py_UCS1)
DEFINE_GROUPS(groups_ucs2, Py_UCS2)
DEFINE_GROUPS(groups_ucs4, Py_UCS4)
DEFINE_SCAN(scan_ucs1, has_ucs1, ihas_ucs1, groups_ucs1, Py_UCS1)
DEFINE_SCAN(scan_ucs2, has_ucs2, ihas_ucs2, groups_ucs2, Py_UCS2)
DEFINE_SCAN(scan_ucs4, has_ucs4, ihas_ucs4, groups_ucs4, Py_UCS4)

PyDoc_STRVAR(scan_doc,
"scan(texts, sensitive, judged) -> (features, fresh)\n\n"
"For each feature (see FEATURES in sentry_guard.scrubbers.detectors), the indices of the\n"
"strings of `texts` that have it. Keys before '=' and ':' found in the set `sensitive`\n"
"flag the 'pair' feature; keys in neither set come back in the dict `fresh`, each with\n"
"the indices of the strings it stands in, for the caller to judge.");

static PyObject *
scan(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3 || !PyList_Check(args[0]) || !PySet_Check(args[1]) || !PySet_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "scan(texts: list[str], sensitive: set, judged: set)");
        return NULL;
    }
    PyObject *texts = args[0];
    PairState state = {args[1], args[2], PyDict_New()};
    PyObject *lists[N_FEATURES] = {NULL};
    PyObject *result = NULL;
    if (state.fresh == NULL)
        return NULL;
    for (int k = 0; k < N_FEATURES; k++) {
        if ((lists[k] = PyList_New(0)) == NULL)
            goto done;
    }
    for (Py_ssize_t index = 0; index < PyList_GET_SIZE(texts); index++) {
        PyObject *text = PyList_GET_ITEM(texts, index);
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "scan() takes a list of str");
            goto done;
        }
#if PY_VERSION_HEX < 0x030C0000 /* strings made by the legacy C API are not ready before 3.12 */
        if (PyUnicode_READY(text) < 0)
            goto done;
#endif
        Py_ssize_t size = PyUnicode_GET_LENGTH(text);
        const void *data = PyUnicode_DATA(text);
        unsigned features = 0;
        int failed;
        switch (PyUnicode_KIND(text)) {
        case PyUnicode_1BYTE_KIND:
            failed = scan_ucs1(data, size, index, &state, &features);
            break;
        case PyUnicode_2BYTE_KIND:
            failed = scan_ucs2(data, size, index, &state, &features);
            break;
        default:
            failed = scan_ucs4(data, size, index, &state, &features);
            break;
        }
        if (failed)
            goto done;
        for (int k = 0; features; k++, features >>= 1) {
            if (features & 1) {
                PyObject *number = PyLong_FromSsize_t(index);
                if (number == NULL || PyList_Append(lists[k], number) < 0) {
                    Py_XDECREF(number);
                    goto done;
                }
                Py_DECREF(number);
            }
        }
    }
    {
        PyObject *features = PyTuple_New(N_FEATURES);
        if (features == NULL)
            goto done;
        for (int k = 0; k < N_FEATURES; k++) {
            PyTuple_SET_ITEM(features, k, lists[k]);
            lists[k] = NULL;
        }
        result = PyTuple_Pack(2, features, state.fresh);
        Py_DECREF(features);
    }
done:
    for (int k = 0; k < N_FEATURES; k++)
        Py_XDECREF(lists[k]);
    Py_DECREF(state.fresh);
    return result;
}


/* ---- The walker (walk.py's recursive pair, the same rules; see `Walker`) ---- */

typedef struct {
    PyObject *decisions; /* dict: key -> bool, the key rule's cache */
    PyObject *decide;    /* the key rule, for keys not in `decisions` */
    PyObject *strings;   /* the string rule, or None */
    PyObject *clean;     /* set of strings to pass without a call */
    PyObject *walk_deep; /* Walker._walk_deep, below `deep` levels */
    PyObject *flag;      /* the --flag pattern's match, for strings that start with "-" */
    PyObject *filtered;  /* "[Filtered]" */
    Py_ssize_t deep;
    PyObject *found;   /* list, or NULL */
    PyObject *pending; /* list, or NULL */
} Walk;

static PyObject *walk_dict(Walk *w, PyObject *node, PyObject *context, Py_ssize_t depth);
static PyObject *walk_list(Walk *w, PyObject *node, PyObject *context, Py_ssize_t depth);

/* Whether the key rule flags `key`: 1, 0, or -1 on error. */
static int
decision(Walk *w, PyObject *key)
{
    PyObject *hit = PyDict_GetItemWithError(w->decisions, key);
    if (hit != NULL)
        return PyObject_IsTrue(hit);
    if (PyErr_Occurred())
        return -1;
    hit = PyObject_CallOneArg(w->decide, key);
    if (hit == NULL)
        return -1;
    int result = PyObject_IsTrue(hit);
    Py_DECREF(hit);
    return result;
}

static int
remember_found(Walk *w, PyObject *value)
{
    return (w->found != NULL && PyUnicode_CheckExact(value)) ? PyList_Append(w->found, value) : 0;
}

static PyObject *
deep_walk(Walk *w, PyObject *node, PyObject *context)
{
    PyObject *add = w->pending == NULL ? Py_NewRef(Py_None) : PyObject_GetAttrString(w->pending, "append");
    if (add == NULL)
        return NULL;
    PyObject *result = PyObject_CallFunctionObjArgs(w->walk_deep, node, context == NULL ? Py_None : context,
                                                    w->found == NULL ? Py_None : w->found, add, NULL);
    Py_DECREF(add);
    return result;
}

/* A string where the tree holds one: 1 and *new set when it is to be replaced (new ref),
 * 0 when it stays as it is, -1 on error. */
static int
walk_string(Walk *w, PyObject *value, PyObject *context, PyObject **new)
{
    int known = PySet_Contains(w->clean, value);
    if (known != 0)
        return known < 0 ? -1 : 0; /* a clean string stays as it is */
    if (w->pending != NULL)
        return PyList_Append(w->pending, value);
    if (w->strings == Py_None)
        return 0;
    *new = PyObject_CallFunctionObjArgs(w->strings, value, context == NULL ? Py_None : context, NULL);
    return *new == NULL ? -1 : 1;
}

static PyObject *
walk_dict(Walk *w, PyObject *node, PyObject *context, Py_ssize_t depth)
{
    if (depth > w->deep)
        return deep_walk(w, node, context);
    PyObject *out = NULL, *key, *value;
    Py_ssize_t position = 0;
    while (PyDict_Next(node, &position, &key, &value)) {
        PyObject *inner = context, *new = NULL;
        int replace = 0;
        Py_INCREF(key);
        Py_INCREF(value);
        if (PyUnicode_CheckExact(key)) {
            int hit = decision(w, key);
            if (hit < 0)
                goto error;
            if (hit) {
                int differs = PyObject_RichCompareBool(value, w->filtered, Py_NE);
                if (differs < 0)
                    goto error;
                if (differs) {
                    new = Py_NewRef(w->filtered);
                    replace = 1;
                    if (remember_found(w, value) < 0)
                        goto error;
                }
                goto next;
            }
            inner = key;
        }
        if (PyUnicode_CheckExact(value))
            replace = walk_string(w, value, inner, &new);
        else if (PyDict_CheckExact(value))
            new = walk_dict(w, value, inner, depth + 1), replace = new == NULL ? -1 : new != value;
        else if (PyList_CheckExact(value) || PyTuple_CheckExact(value))
            new = walk_list(w, value, inner, depth + 1), replace = new == NULL ? -1 : new != value;
        if (replace < 0)
            goto error;
    next:
        if (replace && new != value) {
            if (out == NULL && (out = PyDict_Copy(node)) == NULL)
                goto error;
            if (PyDict_SetItem(out, key, new) < 0)
                goto error;
        }
        Py_XDECREF(new);
        Py_DECREF(key);
        Py_DECREF(value);
        continue;
    error:
        Py_XDECREF(new);
        Py_DECREF(key);
        Py_DECREF(value);
        Py_XDECREF(out);
        return NULL;
    }
    return out == NULL ? Py_NewRef(node) : out;
}

/* A [key, value] pair (how Sentry exports headers): the value goes if the key is sensitive. */
static PyObject *
walk_pair(Walk *w, PyObject *pair, Py_ssize_t depth)
{
    PyObject *key = PySequence_Fast_GET_ITEM(pair, 0), *value = PySequence_Fast_GET_ITEM(pair, 1);
    int hit = decision(w, key);
    if (hit <= 0)
        return hit < 0 ? NULL : walk_list(w, pair, key, depth + 1);
    int same = PyObject_RichCompareBool(value, w->filtered, Py_EQ);
    if (same != 0)
        return same < 0 ? NULL : Py_NewRef(pair);
    if (remember_found(w, value) < 0)
        return NULL;
    PyObject *filtered = PyList_New(2);
    if (filtered != NULL) {
        PyList_SET_ITEM(filtered, 0, Py_NewRef(key));
        PyList_SET_ITEM(filtered, 1, Py_NewRef(w->filtered));
    }
    return filtered;
}

/* Whether `value` (a str) is a sensitive --flag: its next item is then its value. */
static int
sensitive_flag(Walk *w, PyObject *value)
{
    if (PyUnicode_GET_LENGTH(value) == 0 || PyUnicode_READ_CHAR(value, 0) != '-')
        return 0;
    PyObject *match = PyObject_CallOneArg(w->flag, value);
    if (match == NULL)
        return -1;
    int is_flag = match != Py_None;
    Py_DECREF(match);
    return is_flag ? decision(w, value) : 0;
}

static PyObject *
walk_list(Walk *w, PyObject *node, PyObject *context, Py_ssize_t depth)
{
    if (depth > w->deep)
        return deep_walk(w, node, context);
    PyObject *out = NULL;
    int flag = 0; /* the previous item was a sensitive --flag: this one is its value */
    for (Py_ssize_t index = 0; index < PySequence_Fast_GET_SIZE(node); index++) {
        PyObject *value = Py_NewRef(PySequence_Fast_GET_ITEM(node, index)), *new = NULL;
        int replace = 0;
        if (PyUnicode_CheckExact(value)) {
            if (flag) {
                flag = 0;
                int same = PyObject_RichCompareBool(value, w->filtered, Py_EQ);
                replace = same < 0 ? -1 : !same;
                if (replace == 1) {
                    new = Py_NewRef(w->filtered);
                    if (remember_found(w, value) < 0)
                        replace = -1;
                }
            }
            else if ((flag = sensitive_flag(w, value)) != 0)
                replace = flag < 0 ? -1 : 0;
            else
                replace = walk_string(w, value, context, &new);
        }
        else if (PyDict_CheckExact(value))
            new = walk_dict(w, value, context, depth + 1), replace = new == NULL ? -1 : new != value;
        else if (PyList_CheckExact(value) || PyTuple_CheckExact(value)) {
            if (PySequence_Fast_GET_SIZE(value) == 2 && PyUnicode_CheckExact(PySequence_Fast_GET_ITEM(value, 0)))
                new = walk_pair(w, value, depth);
            else
                new = walk_list(w, value, context, depth + 1);
            replace = new == NULL ? -1 : new != value;
        }
        if (replace == 1 && new != value) {
            if (out == NULL && (out = PySequence_List(node)) == NULL)
                replace = -1;
            else if (PyList_SetItem(out, index, Py_NewRef(new)) < 0)
                replace = -1;
        }
        Py_XDECREF(new);
        Py_DECREF(value);
        if (replace < 0) {
            Py_XDECREF(out);
            return NULL;
        }
    }
    return out == NULL ? Py_NewRef(node) : out;
}

PyDoc_STRVAR(walk_doc,
"walk(config, tree, found, pending) -> tree\n\n"
"Walker's recursive walk in C: the same rules, copy-on-write. `config` is (decisions,\n"
"decide, strings, clean, walk_deep, flag_match, FILTERED, deep); `found` and `pending`\n"
"are lists or None.");

static PyObject *
walk(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Walk w;
    if (nargs != 4 || !PyTuple_CheckExact(args[0]) || PyTuple_GET_SIZE(args[0]) != 8) {
        PyErr_SetString(PyExc_TypeError, "walk(config: tuple of 8, tree, found, pending)");
        return NULL;
    }
    PyObject *config = args[0];
    w.decisions = PyTuple_GET_ITEM(config, 0);
    w.decide = PyTuple_GET_ITEM(config, 1);
    w.strings = PyTuple_GET_ITEM(config, 2);
    w.clean = PyTuple_GET_ITEM(config, 3);
    w.walk_deep = PyTuple_GET_ITEM(config, 4);
    w.flag = PyTuple_GET_ITEM(config, 5);
    w.filtered = PyTuple_GET_ITEM(config, 6);
    w.deep = PyLong_AsSsize_t(PyTuple_GET_ITEM(config, 7));
    if (w.deep == -1 && PyErr_Occurred())
        return NULL;
    if (!PyDict_CheckExact(w.decisions) || !PyAnySet_Check(w.clean)) {
        PyErr_SetString(PyExc_TypeError, "walk(): decisions must be a dict and clean a set");
        return NULL;
    }
    w.found = args[2] == Py_None ? NULL : args[2];
    w.pending = args[3] == Py_None ? NULL : args[3];
    if ((w.found != NULL && !PyList_CheckExact(w.found)) ||
        (w.pending != NULL && !PyList_CheckExact(w.pending))) {
        PyErr_SetString(PyExc_TypeError, "walk(): found and pending must be lists or None");
        return NULL;
    }
    PyObject *tree = args[1];
    if (PyDict_CheckExact(tree))
        return walk_dict(&w, tree, NULL, 0);
    if (PyList_CheckExact(tree) || PyTuple_CheckExact(tree))
        return walk_list(&w, tree, NULL, 0);
    PyErr_SetString(PyExc_TypeError, "walk(): the tree must be a dict, a list or a tuple");
    return NULL;
}

static PyMethodDef methods[] = {
    {"walk", (PyCFunction)(void (*)(void))walk, METH_FASTCALL, walk_doc},
    {"scan", (PyCFunction)(void (*)(void))scan, METH_FASTCALL, scan_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT,
    "sentry_guard._speedups",
    "The optional compiled scanner behind the content detectors (pure-Python fallback).",
    -1,
    methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    init_triggers();
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && PyModule_AddIntConstant(m, "FEATURE_COUNT", N_FEATURES) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
