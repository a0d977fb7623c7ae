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
#include <stdint.h>

/* The order of the lists `scan` returns (FEATURES in detectors.py). */
enum {
    F_BRACKET,  /* the string starts with "{", "[" or "(" and ends with "}", "]" or ")" */
    F_AT,       /* "@": emails, URL userinfo */
    F_AUTH,     /* bearer, basic, token, digest, apikey, api-key, in any case, then a blank */
    F_CARD,     /* 13 digits in a row, spaces and dashes aside, in a string that is not a decimal */
    F_IBAN,     /* two capitals, two digits */
    F_IPV4,     /* "0.0.0.0" with 1-3 digits in the middle groups */
    F_IPV6,     /* "::" or ":h:h:h:" */
    F_HEXPAIRS, /* a MAC address's shape: six hex pairs joined by ":" or "-", or "hhhh.hhhh.hhhh" */
    F_PAIR,     /* a sensitive key before "=" or ":" (and the other pair syntaxes) */
    F_SSN,      /* digits grouped 3-2-4, one separator (" ", "-", ".") between them */
    F_NHS,      /* digits grouped 3 3 4 by spaces */
    F_DIGLET,   /* 7 or 8 digits in a row (or 2.3.3) followed by a capital, "-" aside (DNI, NIE) */
    N_FEATURES,
    F_FRESH = N_FEATURES /* (not reported) a pair key Python has not judged yet */
};

#define MAX_KEY 128

/* The groups of the digit run that starts at s[at] (a digit after a non-digit): shapes that
 * identifiers take, as feature bits. At most 8 groups are read (a bounded look ahead). */
#define DEFINE_DIGIT_SHAPES(NAME, T)                                                           \
    static unsigned NAME(const T *s, Py_ssize_t n, Py_ssize_t at)                            \
    {                                                                                        \
        Py_ssize_t sizes[8], groups = 0, j = at;                                             \
        Py_UCS4 sep = 0;                                                                     \
        while (groups < 8) {                                                                 \
            Py_ssize_t start = j;                                                            \
            while (j < n && j - start < 16 && IS_DIGIT(s[j]))                                \
                j++;                                                                         \
            sizes[groups++] = j - start;                                                     \
            if (j + 1 >= n || !IS_DIGIT(s[j + 1]) || (s[j] != ' ' && s[j] != '-' && s[j] != '.')) \
                break;                                                                       \
            if (sep && s[j] != sep)                                                          \
                break;                                                                       \
            sep = s[j++];                                                                    \
        }                                                                                    \
        unsigned f = 0;                                                                      \
        if (groups == 3 && sizes[0] == 3 && sizes[1] == 2 && sizes[2] == 4)                  \
            f |= 1u << F_SSN;                                                                \
        if (groups == 3 && sizes[0] == 3 && sizes[1] == 3 && sizes[2] == 4 && sep == ' ')    \
            f |= 1u << F_NHS;                                                                \
        Py_UCS4 after = j < n ? s[j] : 0, later = j + 1 < n ? s[j + 1] : 0;                  \
        if (((groups == 1 && (sizes[0] == 7 || sizes[0] == 8)) ||                            \
             (groups == 3 && sep == '.' && sizes[0] == 2 && sizes[1] == 3 && sizes[2] == 3)) && \
            (IS_UPPER(after) || (after == '-' && IS_UPPER(later))))                          \
            f |= 1u << F_DIGLET;                                                             \
        return f;                                                                            \
    }

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
 * a blank (space or tab, as the Python rule reads them); ":" the same but not after a digit (a time, a port) and not before "//" (a URL). */
#define AFTER_KEY(p) (IS_ALNUM(p) || (p) == '_' || (p) == '.' || (p) == '-' || (p) == ']' ||  \
                      (p) == '"' || (p) == '\'' || (p) == ' ' || (p) == '\t')
#define SEPARATES(c, p, n1, n2)                                                                \
    (AFTER_KEY(p) && ((c) == '=' || (!IS_DIGIT(p) && !((n1) == '/' && (n2) == '/'))))
typedef struct {
    PyObject *sensitive; /* set of keys judged sensitive */
    PyObject *judged;    /* set of keys judged at all */
    PyObject *fresh;     /* dict: key not judged yet -> list of the indices it stands in */
} PairState;

/* Record the key `buffer[0:size]` of string `index`: 1 if it is known sensitive, 0 if it is
 * known not to be, 2 if it was not judged yet (it is noted in `fresh` for Python to judge,
 * once per string), -1 on error. */
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
        result = 2;
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

/* ---- Anchors: the catalogue's literals, found in the same pass ----
 *
 * Each anchor is checked only where its *pivot* stands: the character of the anchor that is
 * rarest in ordinary text (punctuation, a digit, a capital, else the rarest letter). A table
 * by character lists the (anchor, offset of its pivot) pairs; most characters of a text
 * pivot nothing and cost one table look-up. Adding an anchor adds no pass. */

typedef struct {
    Py_ssize_t anchor;
    Py_ssize_t offset; /* of the pivot inside the anchor */
} Pivot;

/* Entries are kept by (pivot, the character before it): at a pivot, only the anchors whose
 * previous character is the text's previous character are tried, and those that start at
 * their pivot (previous character 0). */
#define PAIRS (128 * 128)
#define PAIR(c, p) (((Py_ssize_t)(c) << 7) | (Py_ssize_t)(p))

typedef struct {
    Py_ssize_t count;       /* anchors */
    char **text;            /* each anchor's bytes (lower case when it ignores case) */
    Py_ssize_t *length;
    unsigned char *icase;
    int32_t *first;         /* entries of PAIR(c, p): entries[first[pair]:first[pair + 1]] */
    unsigned char pivots[128]; /* the characters some anchor pivots on */
    Pivot *entries;
    /* Anchors found where they start a word (most): by their first two characters,
     * starts[start_first[PAIR(c1, c2)] : ...] (c2 = 0 for one-character anchors). */
    int32_t *start_first;
    Py_ssize_t *starts;
    unsigned char begins[128]; /* the first characters of those anchors */
    uint8_t *start_pairs; /* bit PAIR(c1, c2): some such anchor begins with c1 c2 (or is c1) */
} Anchors;

#define ANCHORS_CAPSULE "sentry_guard._speedups.Anchors"

static void
anchors_free(Anchors *table)
{
    if (table == NULL)
        return;
    if (table->text != NULL) {
        for (Py_ssize_t k = 0; k < table->count; k++)
            PyMem_Free(table->text[k]);
    }
    PyMem_Free(table->text);
    PyMem_Free(table->length);
    PyMem_Free(table->icase);
    PyMem_Free(table->entries);
    PyMem_Free(table->first);
    PyMem_Free(table->start_first);
    PyMem_Free(table->starts);
    PyMem_Free(table->start_pairs);
    PyMem_Free(table);
}

static void
anchors_destroy(PyObject *capsule)
{
    anchors_free(PyCapsule_GetPointer(capsule, ANCHORS_CAPSULE));
}

/* How rare a character is in ordinary text (higher: rarer, a better pivot). */
static int
rarity(char c)
{
    static const char *letters = "etaoinshrdlcumwfgypbvkjxqz"; /* English, most frequent first */
    if (c >= 'A' && c <= 'Z')
        return 60;
    if (c >= '0' && c <= '9')
        return 50;
    if (c >= 'a' && c <= 'z')
        return (int)(strchr(letters, c) - letters);
    return c == ' ' ? 0 : 70;
}

#define LOWER(c) (IS_UPPER(c) ? (Py_UCS4)(c) | 0x20 : (Py_UCS4)(c))

PyDoc_STRVAR(compile_anchors_doc,
"compile_anchors(anchors) -> table\n\n"
"The table of `anchors`, a list of (ASCII bytes, ignore_case, inside) (bytes in lower case\n"
"when they ignore case), for `scan`: anchor k is owners[k] of compile_candidates. An anchor is found where it\n"
"starts a word (no ASCII letter or digit before it), or, with `inside`, anywhere.");

static PyObject *
compile_anchors(PyObject *module, PyObject *anchors)
{
    if (!PyList_Check(anchors)) {
        PyErr_SetString(PyExc_TypeError, "compile_anchors(anchors: list[tuple[bytes, bool]])");
        return NULL;
    }
    Py_ssize_t count = PyList_GET_SIZE(anchors);
    Anchors *table = PyMem_Calloc(1, sizeof(Anchors));
    Py_ssize_t *pivot_of = PyMem_Calloc(count + 1, sizeof(Py_ssize_t));
    int32_t *entries_of = PyMem_Calloc(PAIRS + 1, sizeof(int32_t));
    if (table == NULL || pivot_of == NULL || entries_of == NULL || count > (1 << 20))
        goto fail;
    table->count = count;
    table->text = PyMem_Calloc(count + 1, sizeof(char *));
    table->length = PyMem_Calloc(count + 1, sizeof(Py_ssize_t));
    table->icase = PyMem_Calloc(count + 1, 1);
    table->entries = PyMem_Calloc(4 * count + 1, sizeof(Pivot));
    table->first = PyMem_Calloc(PAIRS + 1, sizeof(int32_t));
    table->start_first = PyMem_Calloc(PAIRS + 1, sizeof(int32_t));
    table->starts = PyMem_Calloc(4 * count + 1, sizeof(Py_ssize_t));
    table->start_pairs = PyMem_Calloc(PAIRS / 8, 1);
    unsigned char *inside = PyMem_Calloc(count + 1, 1);
    int32_t *starts_of = PyMem_Calloc(PAIRS + 1, sizeof(int32_t));
    if (table->text == NULL || table->length == NULL || table->icase == NULL || table->entries == NULL ||
        table->first == NULL || table->start_first == NULL || table->starts == NULL ||
        table->start_pairs == NULL || inside == NULL ||
        starts_of == NULL) {
        PyMem_Free(inside);
        PyMem_Free(starts_of);
        goto fail;
    }
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *item = PyList_GET_ITEM(anchors, k);
        char *bytes;
        Py_ssize_t size;
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 3 ||
            PyBytes_AsStringAndSize(PyTuple_GET_ITEM(item, 0), &bytes, &size) < 0)
            goto type_error;
        int icase = PyObject_IsTrue(PyTuple_GET_ITEM(item, 1));
        int within = PyObject_IsTrue(PyTuple_GET_ITEM(item, 2));
        if (icase < 0 || within < 0 || size == 0)
            goto type_error;
        inside[k] = (unsigned char)within;
        if ((table->text[k] = PyMem_Malloc(size)) == NULL)
            goto fail;
        Py_ssize_t best = 0;
        for (Py_ssize_t j = 0; j < size; j++) {
            unsigned char c = (unsigned char)bytes[j];
            if (c == 0 || c >= 128 || (icase && IS_UPPER(c)))
                goto type_error; /* ASCII, no NUL; lower case when it ignores case */
            table->text[k][j] = bytes[j];
            if (rarity(bytes[j]) > rarity(bytes[best]))
                best = j;
        }
        table->length[k] = size;
        table->icase[k] = (unsigned char)icase;
        pivot_of[k] = best;
    }
    /* two passes over every (anchor, pivot case, previous character case): count, then place */
    for (int pass = 0; pass < 2; pass++) {
        for (Py_ssize_t k = 0; k < count; k++) {
            if (!inside[k])
                continue;
            unsigned char pivot = (unsigned char)table->text[k][pivot_of[k]];
            unsigned char prev = pivot_of[k] ? (unsigned char)table->text[k][pivot_of[k] - 1] : 0;
            int fold = table->icase[k];
            for (int pc = 0; pc < ((fold && IS_LOWER(pivot)) ? 2 : 1); pc++) {
                for (int qc = 0; qc < ((fold && IS_LOWER(prev)) ? 2 : 1); qc++) {
                    Py_ssize_t pair = PAIR(pc ? pivot ^ 0x20 : pivot, qc ? prev ^ 0x20 : prev);
                    if (pass == 0)
                        entries_of[pair]++;
                    else
                        table->entries[entries_of[pair]++] = (Pivot){k, pivot_of[k]};
                    table->pivots[pc ? pivot ^ 0x20 : pivot] = 1;
                }
            }
        }
        if (pass == 0) {
            int32_t total = 0;
            for (Py_ssize_t pair = 0; pair < PAIRS; pair++) {
                table->first[pair] = total;
                total += entries_of[pair];
                entries_of[pair] = table->first[pair]; /* now: where the next entry goes */
            }
            table->first[PAIRS] = total;
        }
    }
    /* the same for the anchors found at word starts, by (first, second) character cases */
    for (int pass = 0; pass < 2; pass++) {
        for (Py_ssize_t k = 0; k < count; k++) {
            if (inside[k])
                continue;
            unsigned char first = (unsigned char)table->text[k][0];
            unsigned char second = table->length[k] > 1 ? (unsigned char)table->text[k][1] : 0;
            int fold = table->icase[k];
            for (int pc = 0; pc < ((fold && IS_LOWER(first)) ? 2 : 1); pc++) {
                for (int qc = 0; qc < ((fold && IS_LOWER(second)) ? 2 : 1); qc++) {
                    Py_ssize_t pair = PAIR(pc ? first ^ 0x20 : first, qc ? second ^ 0x20 : second);
                    if (pass == 0)
                        starts_of[pair]++;
                    else
                        table->starts[starts_of[pair]++] = k;
                    table->begins[pc ? first ^ 0x20 : first] = 1;
                    table->start_pairs[pair >> 3] |= (uint8_t)(1u << (pair & 7));
                }
            }
        }
        if (pass == 0) {
            int32_t total = 0;
            for (Py_ssize_t pair = 0; pair < PAIRS; pair++) {
                table->start_first[pair] = total;
                total += starts_of[pair];
                starts_of[pair] = table->start_first[pair];
            }
            table->start_first[PAIRS] = total;
        }
    }
    PyMem_Free(inside);
    PyMem_Free(starts_of);
    PyMem_Free(pivot_of);
    PyMem_Free(entries_of);
    PyObject *capsule = PyCapsule_New(table, ANCHORS_CAPSULE, anchors_destroy);
    if (capsule == NULL)
        anchors_free(table);
    return capsule;
type_error:
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_ValueError, "an anchor is non-empty ASCII bytes without NUL, in lower case when it ignores case");
fail:
    if (!PyErr_Occurred())
        PyErr_NoMemory();
    anchors_free(table);
    PyMem_Free(pivot_of);
    PyMem_Free(entries_of);
    return NULL;
}

/* ---- Key words: the words any sensitive key holds one of ----
 *
 * keys.split_words in C (the same words: ASCII runs of capitals, capitalised or lower-case
 * letters, digits), each looked up in the sorted list of trigger words, or searched for
 * the stems a compound word may hide ("dbpassword"). A key with none is benign: the key
 * rule would say so too, after splitting it in Python. */

typedef struct {
    Py_ssize_t count;
    char **word; /* sorted, lower case */
    Py_ssize_t *length;
    Py_ssize_t stems;
    char **stem;
    Py_ssize_t *stem_length;
    Py_ssize_t shortest_stem;
    unsigned char stem_start[128]; /* the first characters of the stems */
    unsigned char heads[128][128]; /* the first two characters of the words */
} KeyWords;

#define KEY_WORDS_CAPSULE "sentry_guard._speedups.KeyWords"
#define MAX_WORD 64

static void
key_words_free(KeyWords *table)
{
    if (table == NULL)
        return;
    for (Py_ssize_t k = 0; table->word != NULL && k < table->count; k++)
        PyMem_Free(table->word[k]);
    for (Py_ssize_t k = 0; table->stem != NULL && k < table->stems; k++)
        PyMem_Free(table->stem[k]);
    PyMem_Free(table->word);
    PyMem_Free(table->length);
    PyMem_Free(table->stem);
    PyMem_Free(table->stem_length);
    PyMem_Free(table);
}

static void
key_words_destroy(PyObject *capsule)
{
    key_words_free(PyCapsule_GetPointer(capsule, KEY_WORDS_CAPSULE));
}

/* Copy a list of bytes into C strings; -1 on error. */
static int
copy_words(PyObject *list, char ***words, Py_ssize_t **lengths, Py_ssize_t *count)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "a list of bytes");
        return -1;
    }
    *count = PyList_GET_SIZE(list);
    *words = PyMem_Calloc(*count + 1, sizeof(char *));
    *lengths = PyMem_Calloc(*count + 1, sizeof(Py_ssize_t));
    if (*words == NULL || *lengths == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t k = 0; k < *count; k++) {
        char *bytes;
        Py_ssize_t size;
        if (PyBytes_AsStringAndSize(PyList_GET_ITEM(list, k), &bytes, &size) < 0)
            return -1;
        if (size == 0 || size > MAX_WORD) {
            PyErr_SetString(PyExc_ValueError, "a key word is 1 to 64 bytes");
            return -1;
        }
        if (((*words)[k] = PyMem_Malloc(size)) == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy((*words)[k], bytes, size);
        (*lengths)[k] = size;
    }
    return 0;
}

PyDoc_STRVAR(compile_key_words_doc,
"compile_key_words(words, stems) -> table\n\n"
"The key rule's trigger words (a sorted list of lower-case ASCII bytes) and the stems a\n"
"word may hide (a list of bytes), for `walk` and `scan` to judge most keys without a call.");

static PyObject *
compile_key_words(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "compile_key_words(words, stems)");
        return NULL;
    }
    KeyWords *table = PyMem_Calloc(1, sizeof(KeyWords));
    if (table == NULL)
        return PyErr_NoMemory();
    if (copy_words(args[0], &table->word, &table->length, &table->count) < 0 ||
        copy_words(args[1], &table->stem, &table->stem_length, &table->stems) < 0) {
        key_words_free(table);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < table->count; k++) {
        unsigned char first = (unsigned char)table->word[k][0] & 127;
        unsigned char second = table->length[k] > 1 ? (unsigned char)table->word[k][1] & 127 : 0;
        table->heads[first][second] = 1;
    }
    table->shortest_stem = MAX_WORD + 1;
    for (Py_ssize_t k = 0; k < table->stems; k++) {
        table->stem_start[(unsigned char)table->stem[k][0] & 127] = 1;
        if (table->stem_length[k] < table->shortest_stem)
            table->shortest_stem = table->stem_length[k];
    }
    PyObject *capsule = PyCapsule_New(table, KEY_WORDS_CAPSULE, key_words_destroy);
    if (capsule == NULL)
        key_words_free(table);
    return capsule;
}

static int
compare_word(const char *a, Py_ssize_t a_size, const char *b, Py_ssize_t b_size)
{
    Py_ssize_t size = a_size < b_size ? a_size : b_size;
    for (Py_ssize_t k = 0; k < size; k++) {
        if (a[k] != b[k])
            return (unsigned char)a[k] < (unsigned char)b[k] ? -1 : 1;
    }
    return (a_size > b_size) - (a_size < b_size);
}

/* Whether the lower-case word buffer[0:size] is a trigger word or holds a stem. */
static int
trigger_word(const KeyWords *table, const char *buffer, Py_ssize_t size)
{
    Py_ssize_t low = 0, high = table->heads[(unsigned char)buffer[0] & 127][size > 1 ? (unsigned char)buffer[1] & 127 : 0]
                                   ? table->count
                                   : 0; /* no word starts so: no search */
    while (low < high) {
        Py_ssize_t middle = (low + high) / 2;
        int order = compare_word(table->word[middle], table->length[middle], buffer, size);
        if (order == 0)
            return 1;
        if (order < 0)
            low = middle + 1;
        else
            high = middle;
    }
    if (size < table->shortest_stem)
        return 0;
    for (Py_ssize_t at = 0; at + table->shortest_stem <= size; at++) {
        unsigned char first = (unsigned char)buffer[at];
        if (first >= 128 || !table->stem_start[first])
            continue;
        for (Py_ssize_t k = 0; k < table->stems; k++) {
            Py_ssize_t length = table->stem_length[k];
            if (table->stem[k][0] == buffer[at] && table->stem[k][1] == buffer[at + 1] &&
                at + length <= size && memcmp(buffer + at, table->stem[k], length) == 0)
                return 1;
        }
    }
    return 0;
}

/* Whether any word of the key s[0:n] (split as keys.split_words does) is a trigger word. */
#define DEFINE_KEY_TRIGGERED(NAME, T)                                                          \
    static int NAME(const KeyWords *table, const T *s, Py_ssize_t n)                         \
    {                                                                                        \
        char buffer[MAX_WORD];                                                               \
        Py_ssize_t i = 0;                                                                    \
        while (i < n) {                                                                      \
            Py_UCS4 c = s[i];                                                                \
            Py_ssize_t start = i, end;                                                       \
            if (IS_UPPER(c)) {                                                               \
                Py_ssize_t j = i;                                                            \
                while (j < n && IS_UPPER(s[j]))                                              \
                    j++;                                                                     \
                if (j < n && IS_LOWER(s[j])) {                                               \
                    if (j - i >= 2)                                                          \
                        end = j - 1; /* "HTTPServer": "HTTP", then "Server" */               \
                    else {                                                                   \
                        end = j;                                                             \
                        while (end < n && IS_LOWER(s[end]))                                  \
                            end++;                                                           \
                    }                                                                        \
                }                                                                            \
                else                                                                         \
                    end = j;                                                                 \
            }                                                                                \
            else if (IS_LOWER(c) || IS_DIGIT(c)) {                                           \
                end = i + 1;                                                                 \
                while (end < n && (IS_LOWER(c) ? IS_LOWER(s[end]) : IS_DIGIT(s[end])))       \
                    end++;                                                                   \
            }                                                                                \
            else {                                                                           \
                i++;                                                                         \
                continue;                                                                    \
            }                                                                                \
            i = end;                                                                         \
            if (IS_DIGIT(c))                                                                 \
                continue; /* no trigger word is a number */                                  \
            if (end - start > MAX_WORD) { /* no trigger word is that long: stems only */     \
                for (Py_ssize_t k = start; k < end; k += MAX_WORD / 2) {                     \
                    Py_ssize_t stop = k + MAX_WORD < end ? k + MAX_WORD : end;               \
                    for (Py_ssize_t m = k; m < stop; m++)                                    \
                        buffer[m - k] = (char)LOWER(s[m]);                                   \
                    if (trigger_word(table, buffer, stop - k))                               \
                        return 1;                                                            \
                }                                                                            \
                continue;                                                                    \
            }                                                                                \
            for (Py_ssize_t m = start; m < end; m++)                                         \
                buffer[m - start] = (char)LOWER(s[m]);                                       \
            if (trigger_word(table, buffer, end - start))                                    \
                return 1;                                                                    \
        }                                                                                    \
        return 0;                                                                            \
    }
DEFINE_KEY_TRIGGERED(key_triggered_ucs1, Py_UCS1)
DEFINE_KEY_TRIGGERED(key_triggered_ucs2, Py_UCS2)
DEFINE_KEY_TRIGGERED(key_triggered_ucs4, Py_UCS4)

static int
key_triggered(const KeyWords *table, PyObject *key)
{
    const void *data = PyUnicode_DATA(key);
    Py_ssize_t n = PyUnicode_GET_LENGTH(key);
    switch (PyUnicode_KIND(key)) {
    case PyUnicode_1BYTE_KIND:
        return key_triggered_ucs1(table, data, n);
    case PyUnicode_2BYTE_KIND:
        return key_triggered_ucs2(table, data, n);
    default:
        return key_triggered_ucs4(table, data, n);
    }
}

/* ---- Candidates: which strings each format must look at (Scanner.candidates in C) ----
 *
 * A format without `requires` looks where one of its anchors stands: the table lists, per
 * anchor, those formats. A format with `requires` looks where one of its alternatives
 * holds: each is the feature bits it asks for, the digit run it asks for at least, and
 * whether one of the format's own anchors must stand in the string too. Formats are told
 * by their place in the scanner's list. */

typedef struct {
    Py_ssize_t format;
    unsigned features;
    Py_ssize_t digits;
    Py_ssize_t first, last; /* the format's anchors: anchor_ids[first:last]; first < 0: none asked */
} Alternative;

typedef struct {
    Py_ssize_t formats;     /* formats are 0 .. formats - 1 */
    Py_ssize_t anchors;     /* the anchors of the table this goes with */
    Py_ssize_t *owner_first; /* formats without requires of anchor k: owner_ids[owner_first[k]:owner_first[k + 1]] */
    Py_ssize_t *owner_ids;
    Py_ssize_t count;        /* alternatives, by format */
    Alternative *alternatives;
    Py_ssize_t *anchor_ids;
    unsigned char *required; /* per format: it has alternatives (it has `requires`) */
} Candidates;

#define CANDIDATES_CAPSULE "sentry_guard._speedups.Candidates"

static void
candidates_free(Candidates *table)
{
    if (table == NULL)
        return;
    PyMem_Free(table->owner_first);
    PyMem_Free(table->owner_ids);
    PyMem_Free(table->alternatives);
    PyMem_Free(table->anchor_ids);
    PyMem_Free(table->required);
    PyMem_Free(table);
}

static void
candidates_destroy(PyObject *capsule)
{
    candidates_free(PyCapsule_GetPointer(capsule, CANDIDATES_CAPSULE));
}

/* The items of a tuple of ints, each in [0, bound): appended to ids[*used:]; -1 on error. */
static int
copy_ids(PyObject *items, Py_ssize_t bound, Py_ssize_t *ids, Py_ssize_t *used, Py_ssize_t room)
{
    if (!PyTuple_Check(items) || *used + PyTuple_GET_SIZE(items) > room) {
        PyErr_SetString(PyExc_TypeError, "a tuple of ints");
        return -1;
    }
    for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(items); j++) {
        Py_ssize_t id = PyLong_AsSsize_t(PyTuple_GET_ITEM(items, j));
        if (id == -1 && PyErr_Occurred())
            return -1;
        if (id < 0 || id >= bound) {
            PyErr_SetString(PyExc_ValueError, "an id out of range");
            return -1;
        }
        ids[(*used)++] = id;
    }
    return 0;
}

PyDoc_STRVAR(compile_candidates_doc,
"compile_candidates(formats, owners, alternatives) -> table\n\n"
"Which strings each of `formats` (a count) must look at, for `scan`: `owners` lists, per\n"
"anchor of the anchors table, a tuple of the formats without `requires` it stands for;\n"
"`alternatives` lists (format, feature bits, least digit run, anchors or None), in the\n"
"order of their formats: an alternative holds in a string with all those features, a\n"
"run of digits that long and, unless None, one of those anchors.");

static PyObject *
compile_candidates(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3 || !PyList_Check(args[1]) || !PyList_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "compile_candidates(formats: int, owners: list, alternatives: list)");
        return NULL;
    }
    Py_ssize_t formats = PyLong_AsSsize_t(args[0]);
    if (formats == -1 && PyErr_Occurred())
        return NULL;
    PyObject *owners = args[1], *alternatives = args[2];
    Py_ssize_t anchors = PyList_GET_SIZE(owners), count = PyList_GET_SIZE(alternatives);
    Py_ssize_t owned = 0, asked = 0;
    if (formats < 0 || formats > (1 << 20) || anchors > (1 << 20) || count > (1 << 20)) {
        PyErr_SetString(PyExc_ValueError, "compile_candidates: too many formats, anchors or alternatives");
        return NULL;
    }
    for (Py_ssize_t k = 0; k < anchors; k++) {
        PyObject *ids = PyList_GET_ITEM(owners, k);
        if (!PyTuple_Check(ids)) {
            PyErr_SetString(PyExc_TypeError, "owners: a list of tuples of ints");
            return NULL;
        }
        owned += PyTuple_GET_SIZE(ids);
    }
    for (Py_ssize_t a = 0; a < count; a++) {
        PyObject *item = PyList_GET_ITEM(alternatives, a);
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 4 ||
            (PyTuple_GET_ITEM(item, 3) != Py_None && !PyTuple_Check(PyTuple_GET_ITEM(item, 3)))) {
            PyErr_SetString(PyExc_TypeError, "alternatives: a list of (int, int, int, tuple | None)");
            return NULL;
        }
        if (PyTuple_GET_ITEM(item, 3) != Py_None)
            asked += PyTuple_GET_SIZE(PyTuple_GET_ITEM(item, 3));
    }
    Candidates *table = PyMem_Calloc(1, sizeof(Candidates));
    if (table == NULL)
        return PyErr_NoMemory();
    table->formats = formats;
    table->anchors = anchors;
    table->count = count;
    table->owner_first = PyMem_Calloc(anchors + 1, sizeof(Py_ssize_t));
    table->owner_ids = PyMem_Calloc(owned + 1, sizeof(Py_ssize_t));
    table->alternatives = PyMem_Calloc(count + 1, sizeof(Alternative));
    table->anchor_ids = PyMem_Calloc(asked + 1, sizeof(Py_ssize_t));
    table->required = PyMem_Calloc(formats + 1, 1);
    if (table->owner_first == NULL || table->owner_ids == NULL || table->alternatives == NULL ||
        table->anchor_ids == NULL || table->required == NULL) {
        candidates_free(table);
        return PyErr_NoMemory();
    }
    Py_ssize_t used = 0;
    for (Py_ssize_t k = 0; k < anchors; k++) {
        table->owner_first[k] = used;
        if (copy_ids(PyList_GET_ITEM(owners, k), formats, table->owner_ids, &used, owned) < 0)
            goto fail;
    }
    table->owner_first[anchors] = used;
    used = 0;
    for (Py_ssize_t a = 0; a < count; a++) {
        PyObject *item = PyList_GET_ITEM(alternatives, a);
        Alternative *alt = &table->alternatives[a];
        /* (ints only: no __index__, so no Python code runs while the lists are read) */
        unsigned long features = 0;
        if ((alt->format = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 0))) == -1 && PyErr_Occurred())
            goto fail;
        if ((features = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(item, 1))) == (unsigned long)-1 && PyErr_Occurred())
            goto fail;
        if ((alt->digits = PyLong_AsSsize_t(PyTuple_GET_ITEM(item, 2))) == -1 && PyErr_Occurred())
            goto fail;
        if (alt->format < 0 || alt->format >= formats || (a > 0 && alt->format < alt[-1].format) ||
            features >> N_FEATURES || alt->digits < 0) {
            PyErr_SetString(PyExc_ValueError, "alternatives: formats in range and in order, known features, digits >= 0");
            goto fail;
        }
        alt->features = (unsigned)features;
        table->required[alt->format] = 1;
        alt->first = alt->last = -1;
        if (PyTuple_GET_ITEM(item, 3) != Py_None) {
            alt->first = used;
            if (copy_ids(PyTuple_GET_ITEM(item, 3), anchors, table->anchor_ids, &used, asked) < 0)
                goto fail;
            alt->last = used;
        }
    }
    for (Py_ssize_t j = 0; j < table->owner_first[anchors]; j++) {
        if (table->required[table->owner_ids[j]]) {
            PyErr_SetString(PyExc_ValueError, "owners: only formats without alternatives");
            goto fail;
        }
    }
    PyObject *capsule = PyCapsule_New(table, CANDIDATES_CAPSULE, candidates_destroy);
    if (capsule == NULL)
        candidates_free(table);
    return capsule;
fail:
    candidates_free(table);
    return NULL;
}

/* One scan's candidates: per format, the list of its strings (NULL: none yet) and the last
 * string added; the formats without requires in the order they were first found. */
typedef struct {
    const Candidates *table;
    PyObject **lists;
    Py_ssize_t *last;
    Py_ssize_t *order;
    Py_ssize_t ordered;
} Found;

/* Add string `index` to format `format`'s list (once): 0, or -1 on error. */
static int
found_add(Found *found, Py_ssize_t format, Py_ssize_t index)
{
    if (found->last[format] == index)
        return 0;
    if (found->lists[format] == NULL) {
        if ((found->lists[format] = PyList_New(0)) == NULL)
            return -1;
        found->order[found->ordered++] = format;
    }
    found->last[format] = index;
    PyObject *number = PyLong_FromSsize_t(index);
    int failed = number == NULL || PyList_Append(found->lists[format], number) < 0;
    Py_XDECREF(number);
    return failed ? -1 : 0;
}

/* ---- The scanner ---- */

/* What a scan of one string collects besides its feature bits. */
typedef struct {
    PairState *pairs;
    const Anchors *anchors;
    Py_ssize_t *seen;   /* per anchor: the last string it was reported for */
    Found *found;       /* the candidates of the formats without requires, by their anchors */
    const KeyWords *key_words; /* the key rule's trigger words, or NULL */
    int anchored;        /* an anchor was found in the string being scanned */
} ScanState;



/* Literal tests, once per string width: does `lit` stand at `at` (in any ASCII case)? */
#define DEFINE_HAS(NAME, FOLD, T)                                                              \
    static inline int NAME(const T *s, Py_ssize_t n, Py_ssize_t at, const char *lit,         \
                           Py_ssize_t size)                                                  \
    {                                                                                        \
        if (at < 0 || at + size > n)                                                         \
            return 0;                                                                        \
        for (Py_ssize_t k = 0; k < size; k++) {                                              \
            if (FOLD(s[at + k]) != (Py_UCS4)(unsigned char)lit[k])                           \
                return 0;                                                                    \
        }                                                                                    \
        return 1;                                                                            \
    }
#define SAME(c) ((Py_UCS4)(c))
#define LIT(s) s, (Py_ssize_t)(sizeof(s) - 1)

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

/* Judge the key s[start:end] (ASCII key characters) of string `index` for the pair rule:
 * 1 flags the string, 0 not, -1 on error. A key longer than the rule reads is flagged. */
#define DEFINE_JUDGE(NAME, T)                                                                  \
    static int NAME(ScanState *state, Py_ssize_t index, const T *s, Py_ssize_t start,        \
                    Py_ssize_t end)                                                          \
    {                                                                                        \
        if (end - start > MAX_KEY)                                                           \
            return 1;                                                                        \
        char buffer[MAX_KEY];                                                                \
        for (Py_ssize_t k = start; k < end; k++)                                             \
            buffer[k - start] = (char)s[k];                                                  \
        if (state->key_words != NULL &&                                                      \
            !key_triggered_ucs1(state->key_words, (const Py_UCS1 *)buffer, end - start))    \
            return 0; /* no word a sensitive key holds */                                    \
        return pair_key(state->pairs, index, buffer, end - start);                           \
    }

/* What the scanner does at a character (its class in `actions`; 0 for none); PIVOT marks
 * the characters some anchor pivots on. */
enum {
    A_NONE,
    A_DIGIT,
    A_SPACE, /* ' ': groups digits, ends an Authorization scheme */
    A_TAB,   /* '\t': ends a scheme */
    A_DASH,  /* '-': groups digits; "00-1a-2b"; "--option value" */
    A_DOT,   /* '.': groups digit runs; decimals, IPv4, "001a.2b3c" */
    A_SEP,   /* '/', '(', ')': group digit runs */
    A_COLON, /* IPv6, "00:1a:2b", the pair rule */
    A_EQUALS,
    A_GT,
    A_COMMA,
    A_AT,
    A_ACTIONS = 0x0f, /* the action */
    A_PIVOT = 0x10,   /* an anchor found inside words pivots on it */
    A_START = 0x20,   /* an anchor found at word starts begins with it */
    A_ALNUM = 0x40    /* an ASCII letter or digit: no word starts after it */
};

static void
init_actions(unsigned char actions[128], const Anchors *anchors)
{
    memset(actions, 0, 128);
    for (int c = '0'; c <= '9'; c++)
        actions[c] = A_DIGIT;
    actions[' '] = A_SPACE;
    actions['\t'] = A_TAB;
    actions['-'] = A_DASH;
    actions['.'] = A_DOT;
    actions['/'] = actions['('] = actions[')'] = A_SEP;
    actions[':'] = A_COLON;
    actions['='] = A_EQUALS;
    actions['>'] = A_GT;
    actions[','] = A_COMMA;
    actions['@'] = A_AT;
    for (int c = 0; c < 128; c++) {
        if (anchors->pivots[c])
            actions[c] |= A_PIVOT;
        if (anchors->begins[c])
            actions[c] |= A_START;
        if (IS_ALNUM(c))
            actions[c] |= A_ALNUM;
    }
}

/* Whether an anchor found at word starts may begin at s[at] (whose previous character is
 * not a letter or digit): its first two characters, or its only one, begin one. */
#define START_PAIR(c1, c2) (anchors->start_pairs[PAIR(c1, c2) >> 3] >> (PAIR(c1, c2) & 7) & 1)
#define MAY_START(at)                                                                          \
    (START_PAIR(s[(at)], 0) || ((at) + 1 < n && s[(at) + 1] < 128 && START_PAIR(s[(at)], s[(at) + 1])))

/* Report anchor k if it stands at `at` (once per string): 0, or -1 on error. Used inside
 * DEFINE_SCAN, where `s`, `n`, `index`, `state`, `anchors`, HAS and IHAS are defined. */
#define FOUND(HAS, IHAS, k, at)                                                                \
    found_anchor(state, index, (k),                                                          \
                 anchors->icase[(k)] ? IHAS(s, n, (at), anchors->text[(k)], anchors->length[(k)]) \
                                     : HAS(s, n, (at), anchors->text[(k)], anchors->length[(k)]))

static int
found_anchor(ScanState *state, Py_ssize_t index, Py_ssize_t k, int stands)
{
    if (!stands || state->seen[k] == index)
        return 0;
    state->seen[k] = index;
    state->anchored = 1;
    const Candidates *table = state->found->table;
    for (Py_ssize_t j = table->owner_first[k]; j < table->owner_first[k + 1]; j++) {
        if (found_add(state->found, table->owner_ids[j], index) < 0)
            return -1;
    }
    return 0;
}

/* Whether a MAC address's first separator `sep` stands at s[i]: six hex pairs, five `sep`. */
#define MAC_AT(s, n, i, sep)                                                                   \
    ((i) >= 2 && (i) + 12 < (n) && IS_HEX(s[(i) - 2]) && IS_HEX(s[(i) - 1]) &&               \
     IS_HEX(s[(i) + 1]) && IS_HEX(s[(i) + 2]) && s[(i) + 3] == (sep) && IS_HEX(s[(i) + 4]) &&   \
     IS_HEX(s[(i) + 5]) && s[(i) + 6] == (sep) && IS_HEX(s[(i) + 7]) && IS_HEX(s[(i) + 8]) &&  \
     s[(i) + 9] == (sep) && IS_HEX(s[(i) + 10]) && IS_HEX(s[(i) + 11]) && s[(i) + 12] == (sep) && \
     (i) + 14 < (n) && IS_HEX(s[(i) + 13]) && IS_HEX(s[(i) + 14]))

/* The scanner, once per string width (PyUnicode's 1, 2 and 4 bytes per code point). */
#define DEFINE_SCAN(NAME, HAS, IHAS, GROUPS, JUDGE, SHAPES, T)                                        \
    static int NAME(const T *s, Py_ssize_t n, Py_ssize_t index, ScanState *state,            \
                    const unsigned char *actions, unsigned *out, Py_ssize_t *longest)         \
    {                                                                                        \
        unsigned f = 0;                                                                      \
        Py_ssize_t run = 0;  /* digits in a row, spaces and dashes aside (cards) */          \
        Py_ssize_t digits = 0, most = 0; /* digits in a row, " -./()" aside (digits:N) */   \
        int number = 0;     /* a decimal's shape: 0 start, 1 digits, 2 ".", 3 digits; -1 no */ \
        const Anchors *anchors = state->anchors;                                             \
        for (Py_ssize_t i = 0; i < n; i++) {                                                 \
            Py_UCS4 c = s[i];                                                                \
            unsigned action = c < 128 ? actions[c] : 0;                                      \
            if (action & A_START && (i == 0 || s[i - 1] >= 128 || !(actions[s[i - 1]] & A_ALNUM)) && \
                MAY_START(i)) {                                                              \
                /* a word starts here: the anchors that begin with its first two characters */ \
                Py_UCS4 second = i + 1 < n && s[i + 1] < 128 ? s[i + 1] : 0;                  \
                for (int one = second ? 0 : 1; one < 2; one++) {                             \
                    Py_ssize_t pair = PAIR(c, one ? 0 : second);                             \
                    for (int32_t e = anchors->start_first[pair]; e < anchors->start_first[pair + 1]; e++) { \
                        if (FOUND(HAS, IHAS, anchors->starts[e], i) < 0)                                \
                            return -1;                                                       \
                    }                                                                        \
                }                                                                            \
            }                                                                                \
            if (!(action & (A_ACTIONS | A_PIVOT))) { /* nothing starts here; runs end */      \
                /* skip the stretch of such characters, up to a word start of interest */   \
                while (i + 1 < n) {                                                          \
                    Py_UCS4 d = s[i + 1];                                                    \
                    unsigned next_action = d < 128 ? actions[d] : 0;                         \
                    if (next_action & (A_ACTIONS | A_PIVOT) ||                               \
                        (next_action & A_START && !(action & A_ALNUM) && MAY_START(i + 1)))   \
                        break;                                                               \
                    i++;                                                                     \
                    action = next_action;                                                    \
                }                                                                            \
                run = 0;                                                                     \
                if (digits > most)                                                           \
                    most = digits;                                                           \
                digits = 0;                                                                  \
                number = -1;                                                                 \
                continue;                                                                    \
            }                                                                                \
            if (action & A_PIVOT) {                                                          \
                Py_UCS4 before = i > 0 && s[i - 1] < 128 ? s[i - 1] : 0;                      \
                for (int both = before ? 0 : 1; both < 2; both++) { /* after `before`, then at a start */ \
                    Py_ssize_t pair = PAIR(c, both ? 0 : before);                            \
                    for (int32_t e = anchors->first[pair]; e < anchors->first[pair + 1]; e++) { \
                        if (FOUND(HAS, IHAS, anchors->entries[e].anchor, i - anchors->entries[e].offset) < 0) \
                            return -1;                                                       \
                    }                                                                        \
                }                                                                            \
            }                                                                                \
            action &= A_ACTIONS;                                                             \
            Py_UCS4 next = i + 1 < n ? s[i + 1] : 0;                                         \
            if (action == A_DIGIT) {                                                         \
                if (i == 0 || !IS_DIGIT(s[i - 1]))                                           \
                    f |= SHAPES(s, n, i);                                                    \
                if (run == 0 && digits == 0 && i + 1 < n && IS_DIGIT(next) &&                \
                    ((i >= 2 && IS_UPPER(s[i - 1]) && IS_UPPER(s[i - 2])) ||                  \
                     (i >= 3 && s[i - 1] == ' ' && IS_UPPER(s[i - 2]) && IS_UPPER(s[i - 3]))))  \
                    f |= 1u << F_IBAN; /* two capitals, (a space,) two digits */            \
                if (++run >= 13)                                                             \
                    f |= 1u << F_CARD;                                                       \
                digits++;                                                                    \
                number = number == 0 ? 1 : number == 2 ? 3 : number;                         \
                continue;                                                                    \
            }                                                                                \
            if (action == A_SPACE || action == A_TAB) {                                      \
                if (!(f & (1u << F_AUTH)) && i >= 5) {                                       \
                    Py_UCS4 last = LOWER(s[i - 1]);                                          \
                    if ((last == 'r' && IHAS(s, n, i - 6, LIT("bearer"))) ||                 \
                        (last == 'c' && IHAS(s, n, i - 5, LIT("basic"))) ||                  \
                        (last == 'n' && IHAS(s, n, i - 5, LIT("token"))) ||                  \
                        (last == 't' && IHAS(s, n, i - 6, LIT("digest"))) ||                 \
                        (last == 'y' && (IHAS(s, n, i - 6, LIT("apikey")) ||                 \
                                         IHAS(s, n, i - 7, LIT("api-key")))))                \
                        f |= 1u << F_AUTH; /* a scheme is followed by a space or a tab */    \
                }                                                                            \
                if (action == A_SPACE)                                                       \
                    continue; /* spaces group digits: they neither count nor break */       \
            }                                                                                \
            if (action == A_DASH) {                                                          \
                if (MAC_AT(s, n, i, '-'))                                                    \
                    f |= 1u << F_HEXPAIRS; /* 00-1a-2b-3c-4d-5e */                           \
                if (next == '-' && i + 2 < n && (IS_UPPER(s[i + 2]) || IS_LOWER(s[i + 2])) &&  \
                    !(f & (1u << F_PAIR)) && (i == 0 || !IS_KEY(s[i - 1]))) {                \
                    /* "--option value": the option is the key */                            \
                    Py_ssize_t end = i + 2;                                                  \
                    while (end < n && end - i <= 64 && IS_KEY(s[end]))                       \
                        end++;                                                               \
                    if (end < n && s[end] == ' ') {                                          \
                        int hit = JUDGE(state, index, s, i, end);                            \
                        if (hit < 0)                                                         \
                            return -1;                                                       \
                        f |= hit == 2 ? 1u << F_FRESH : hit ? 1u << F_PAIR : 0;             \
                    }                                                                        \
                }                                                                            \
                continue; /* dashes group digits: they neither count nor break */           \
            }                                                                                \
            run = 0;                                                                         \
            if (action == A_DOT) {                                                           \
                number = number == 1 ? 2 : -1;                                               \
                if (i >= 1 && IS_DIGIT(s[i - 1])) { /* 0.0{1,3}.0{1,3}.0 */                  \
                    Py_ssize_t j = i + 1;                                                    \
                    if (GROUPS(s, n, &j, 2, '.', 0) && j < n && IS_DIGIT(s[j]))              \
                        f |= 1u << F_IPV4;                                                   \
                }                                                                            \
                if (i >= 4 && i + 9 < n && s[i + 5] == '.' && IS_HEX(s[i - 1]) &&             \
                    IS_HEX(s[i - 2]) && IS_HEX(s[i - 3]) && IS_HEX(s[i - 4]) &&              \
                    IS_HEX(next) && IS_HEX(s[i + 2]) && IS_HEX(s[i + 3]) && IS_HEX(s[i + 4]) &&  \
                    IS_HEX(s[i + 6]) && IS_HEX(s[i + 7]) && IS_HEX(s[i + 8]) && IS_HEX(s[i + 9])) \
                    f |= 1u << F_HEXPAIRS; /* 001a.2b3c.4d5e */                              \
                continue; /* dots group digit runs */                                        \
            }                                                                                \
            number = -1;                                                                     \
            if (action == A_SEP)                                                             \
                continue; /* "/", "(" and ")" group digit runs */                            \
            if (digits > most)                                                               \
                most = digits;                                                               \
            digits = 0;                                                                      \
            if (action == A_AT) {                                                            \
                f |= 1u << F_AT;                                                             \
                continue;                                                                    \
            }                                                                                \
            if (action == A_COLON) { /* "::" or three hex groups of 1-4 each followed by ":" */ \
                Py_ssize_t j = i + 1;                                                        \
                if (next == ':' || GROUPS(s, n, &j, 3, ':', 1))                              \
                    f |= 1u << F_IPV6;                                                       \
                if (MAC_AT(s, n, i, ':'))                                                    \
                    f |= 1u << F_HEXPAIRS; /* 00:1a:2b:3c:4d:5e */                           \
            }                                                                                \
            if (action < A_COLON || f & (1u << F_PAIR) || i == 0)                            \
                continue;                                                                    \
            /* the pair rule: the key before "=" (also ":=", "?=", "+=", "=>", "=="), ":",    \
             * ">" after "<key", and "," after '("key"' */                                   \
            Py_UCS4 p = s[i - 1];                                                            \
            Py_ssize_t end = -1;                                                             \
            if (action == A_EQUALS && p != '=' && p != '!' && p != '<' && p != '>') {        \
                end = (p == ':' || p == '?' || p == '+') ? i - 1 : i;                         \
                if (end == 0 || !AFTER_KEY(s[end - 1]))                                      \
                    end = -1;                                                                \
            }                                                                                \
            else if (action == A_COLON && AFTER_KEY(p) && !IS_DIGIT(p) && next != '=' &&     \
                     next != ':' && !(next == '/' && i + 2 < n && s[i + 2] == '/'))           \
                end = i;                                                                     \
            if (end > 0) { /* the key: key characters, then one quote, then [ \t]* */         \
                while (end > 0 && i - end < MAX_KEY + 8 && (s[end - 1] == ' ' || s[end - 1] == '\t')) \
                    end--;                                                                   \
                if (end > 0 && (s[end - 1] == '"' || s[end - 1] == '\''))                    \
                    end--;                                                                   \
            }                                                                                \
            else if (action == A_GT && IS_KEY(p))                                            \
                end = i;                                                                     \
            else if (action == A_COMMA) { /* ("key", */                                      \
                Py_ssize_t q = i;                                                            \
                while (q > 0 && i - q < MAX_KEY + 8 && (s[q - 1] == ' ' || s[q - 1] == '\t')) \
                    q--;                                                                     \
                if (q > 1 && (s[q - 1] == '"' || s[q - 1] == '\''))                          \
                    end = q - 1;                                                             \
            }                                                                                \
            if (end <= 0)                                                                    \
                continue;                                                                    \
            Py_ssize_t start = end;                                                          \
            while (start > 0 && end - start <= MAX_KEY && IS_KEY(s[start - 1]))              \
                start--;                                                                     \
            if (start < end) {                                                               \
                if (action == A_GT && (start == 0 || s[start - 1] != '<'))                   \
                    continue;                                                                \
                if (action == A_COMMA && (start == 0 || s[start - 1] != s[end]))             \
                    continue;                                                                \
                int hit = JUDGE(state, index, s, start, end);                                \
                if (hit < 0)                                                                 \
                    return -1;                                                               \
                f |= hit == 2 ? 1u << F_FRESH : hit ? 1u << F_PAIR : 0;                     \
            }                                                                                \
        }                                                                                    \
        if (digits > most)                                                                   \
            most = digits;                                                                   \
        if (number == 3)                                                                     \
            f &= ~(1u << F_CARD); /* a decimal number holds no card */                       \
        Py_ssize_t first = 0, last = n;                                                      \
        while (first < n && Py_UNICODE_ISSPACE(s[first]))                                    \
            first++;                                                                         \
        while (last > first && Py_UNICODE_ISSPACE(s[last - 1]))                              \
            last--;                                                                          \
        if (last - first >= 2 && (s[first] == '{' || s[first] == '[' || s[first] == '(') &&  \
            (s[last - 1] == '}' || s[last - 1] == ']' || s[last - 1] == ')'))                \
            f |= 1u << F_BRACKET;                                                            \
        *out = f;                                                                            \
        *longest = most;                                                                     \
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
DEFINE_JUDGE(judge_ucs1, Py_UCS1)
DEFINE_JUDGE(judge_ucs2, Py_UCS2)
DEFINE_JUDGE(judge_ucs4, Py_UCS4)
DEFINE_DIGIT_SHAPES(shapes_ucs1, Py_UCS1)
DEFINE_DIGIT_SHAPES(shapes_ucs2, Py_UCS2)
DEFINE_DIGIT_SHAPES(shapes_ucs4, Py_UCS4)
DEFINE_SCAN(scan_ucs1, has_ucs1, ihas_ucs1, groups_ucs1, judge_ucs1, shapes_ucs1, Py_UCS1)
DEFINE_SCAN(scan_ucs2, has_ucs2, ihas_ucs2, groups_ucs2, judge_ucs2, shapes_ucs2, Py_UCS2)
DEFINE_SCAN(scan_ucs4, has_ucs4, ihas_ucs4, groups_ucs4, judge_ucs4, shapes_ucs4, Py_UCS4)


/* dict[index] = value: 0, or -1 on error. */
static int
dict_set_index(PyObject *dict, Py_ssize_t index, PyObject *value)
{
    PyObject *key = PyLong_FromSsize_t(index);
    int failed = key == NULL || PyDict_SetItem(dict, key, value) < 0;
    Py_XDECREF(key);
    return failed ? -1 : 0;
}

PyDoc_STRVAR(scan_doc,
"scan(texts, sensitive, judged, anchors, runs_from, key_words, clean, clean_limits, candidates)\n"
"    -> (features, fresh, found, runs, flagged)\n\n"
"Scan each string of `texts` not in the set `clean`. For each feature (see FEATURES in\n"
"sentry_guard._scrubbers.scan), the indices of the strings that have it. Keys of pairs\n"
"found in the set `sensitive` flag the 'pair' feature; keys in neither set come back in\n"
"the dict `fresh`, each with the indices of the strings it stands in, for the caller to\n"
"judge. `found` maps each format of the table `candidates` (see compile_candidates) to\n"
"the indices of the strings it must look at: first the formats found by the anchors of the\n"
"table `anchors` (see compile_anchors), in the order they were first found, then those\n"
"with `requires`, in their order. `runs` lists (index, digits) for each string whose\n"
"longest run of digits (' -./()' between them aside) has at least `runs_from` digits. A\n"
"pair key with no word of `key_words` (see compile_key_words; or None) is not sensitive.\n"
"A string with none of these is clean: it is added to `clean` (clean_limits: at most so\n"
"many entries, then the set is emptied; strings longer than so many characters are not\n"
"kept). `flagged` lists the indices of the other strings scanned: the caller decides\n"
"whether they are clean.");

static int
append_index(PyObject *list, Py_ssize_t index)
{
    PyObject *number = PyLong_FromSsize_t(index);
    int failed = number == NULL || PyList_Append(list, number) < 0;
    Py_XDECREF(number);
    return failed ? -1 : 0;
}

/* The formats with `requires` that string `index` (flagged, with `features`, its longest
 * digit run `longest`) is a candidate of: 0, or -1 on error. */
static int
found_required(Found *found, const Py_ssize_t *seen, Py_ssize_t index, unsigned features, Py_ssize_t longest)
{
    const Candidates *table = found->table;
    for (Py_ssize_t a = 0; a < table->count; a++) {
        const Alternative *alt = &table->alternatives[a];
        if ((features & alt->features) != alt->features || longest < alt->digits)
            continue;
        int holds = alt->first < 0;
        for (Py_ssize_t j = alt->first; !holds && j < alt->last; j++)
            holds = seen[table->anchor_ids[j]] == index;
        if (holds && found_add(found, alt->format, index) < 0)
            return -1;
    }
    return 0;
}

static PyObject *
scan(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t clean_entries, clean_length;
    if (nargs != 9 || !PyList_Check(args[0]) || !PySet_Check(args[1]) || !PySet_Check(args[2]) ||
        !PyCapsule_IsValid(args[3], ANCHORS_CAPSULE) ||
        (args[5] != Py_None && !PyCapsule_IsValid(args[5], KEY_WORDS_CAPSULE)) || !PySet_CheckExact(args[6]) ||
        !PyArg_ParseTuple(args[7], "nn", &clean_entries, &clean_length) ||
        !PyCapsule_IsValid(args[8], CANDIDATES_CAPSULE)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "scan(texts: list[str], sensitive: set, judged: set, anchors: table, "
                                             "runs_from: int, key_words: table | None, clean: set, "
                                             "clean_limits: (int, int), candidates: table)");
        return NULL;
    }
    Py_ssize_t runs_from = PyLong_AsSsize_t(args[4]);
    if (runs_from == -1 && PyErr_Occurred())
        return NULL;
    PyObject *texts = args[0], *clean = args[6];
    const Anchors *anchors = PyCapsule_GetPointer(args[3], ANCHORS_CAPSULE);
    const Candidates *table = PyCapsule_GetPointer(args[8], CANDIDATES_CAPSULE);
    if (table->anchors != anchors->count) {
        PyErr_SetString(PyExc_ValueError, "scan(): the candidates table is for another anchors table");
        return NULL;
    }
    Py_ssize_t formats = table->formats;
    Found found = {table, PyMem_Calloc(formats + 1, sizeof(PyObject *)), PyMem_Malloc((formats + 1) * sizeof(Py_ssize_t)),
                   PyMem_Malloc((formats + 1) * sizeof(Py_ssize_t)), 0};
    PairState pairs = {args[1], args[2], PyDict_New()};
    ScanState state = {&pairs, anchors, PyMem_Malloc((anchors->count + 1) * sizeof(Py_ssize_t)), &found,
                       args[5] == Py_None ? NULL : PyCapsule_GetPointer(args[5], KEY_WORDS_CAPSULE), 0};
    PyObject *lists[N_FEATURES] = {NULL}, *runs = PyList_New(0), *flagged = PyList_New(0);
    PyObject *result = NULL, *by_format = NULL;
    unsigned char actions[128];
    if (pairs.fresh == NULL || state.seen == NULL || found.lists == NULL || found.last == NULL ||
        found.order == NULL || runs == NULL || flagged == NULL) {
        if (!PyErr_Occurred())
            PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < anchors->count; k++)
        state.seen[k] = -1;
    for (Py_ssize_t k = 0; k < formats; k++)
        found.last[k] = -1;
    init_actions(actions, anchors);
    for (int k = 0; k < N_FEATURES; k++) {
        if ((lists[k] = PyList_New(0)) == NULL)
            goto done;
    }
    for (Py_ssize_t index = 0; index < PyList_GET_SIZE(texts); index++) {
        PyObject *text = Py_NewRef(PyList_GET_ITEM(texts, index));
        int skip = -1;
        if (!PyUnicode_CheckExact(text))
            PyErr_SetString(PyExc_TypeError, "scan() takes a list of str");
#if PY_VERSION_HEX < 0x030C0000 /* strings made by the legacy C API are not ready before 3.12 */
        else if (PyUnicode_READY(text) < 0)
            ;
#endif
        else
            skip = PySet_Contains(clean, text);
        if (skip != 0) { /* known clean; or an error */
            Py_DECREF(text);
            if (skip < 0)
                goto done;
            continue;
        }
        Py_ssize_t size = PyUnicode_GET_LENGTH(text), longest = 0;
        const void *data = PyUnicode_DATA(text);
        unsigned features = 0;
        int failed;
        state.anchored = 0;
        switch (PyUnicode_KIND(text)) {
        case PyUnicode_1BYTE_KIND:
            failed = scan_ucs1(data, size, index, &state, actions, &features, &longest);
            break;
        case PyUnicode_2BYTE_KIND:
            failed = scan_ucs2(data, size, index, &state, actions, &features, &longest);
            break;
        default:
            failed = scan_ucs4(data, size, index, &state, actions, &features, &longest);
            break;
        }
        if (!failed && !features && !state.anchored && longest < runs_from) { /* clean */
            if (size <= clean_length) {
                if (PySet_GET_SIZE(clean) >= clean_entries && PySet_Clear(clean) < 0)
                    failed = 1;
                else if (PySet_Add(clean, text) < 0)
                    failed = 1;
            }
            Py_DECREF(text);
            if (failed)
                goto done;
            continue;
        }
        Py_DECREF(text);
        if (failed || append_index(flagged, index) < 0 ||
            found_required(&found, state.seen, index, features, longest) < 0)
            goto done;
        for (int k = 0; k < N_FEATURES; k++) {
            if ((features >> k) & 1 && append_index(lists[k], index) < 0)
                goto done;
        }
        if (longest >= runs_from) {
            PyObject *pair = Py_BuildValue("(nn)", index, longest);
            if (pair == NULL || PyList_Append(runs, pair) < 0) {
                Py_XDECREF(pair);
                goto done;
            }
            Py_DECREF(pair);
        }
    }
    /* the formats found by their anchors in the order first found, then those with requires */
    if ((by_format = PyDict_New()) == NULL)
        goto done;
    for (Py_ssize_t j = 0; j < found.ordered; j++) {
        Py_ssize_t format = found.order[j];
        if (!table->required[format] && dict_set_index(by_format, format, found.lists[format]) < 0)
            goto done;
    }
    for (Py_ssize_t a = 0; a < table->count; a++) {
        Py_ssize_t format = table->alternatives[a].format;
        if (found.lists[format] != NULL && (a == 0 || table->alternatives[a - 1].format != format) &&
            dict_set_index(by_format, format, found.lists[format]) < 0)
            goto done;
    }
    {
        PyObject *features = PyTuple_New(N_FEATURES);
        if (features == NULL)
            goto done;
        for (int k = 0; k < N_FEATURES; k++) {
            PyTuple_SET_ITEM(features, k, lists[k]);
            lists[k] = NULL;
        }
        result = PyTuple_Pack(5, features, pairs.fresh, by_format, runs, flagged);
        Py_DECREF(features);
    }
done:
    for (int k = 0; k < N_FEATURES; k++)
        Py_XDECREF(lists[k]);
    for (Py_ssize_t k = 0; found.lists != NULL && k < formats; k++)
        Py_XDECREF(found.lists[k]);
    PyMem_Free(found.lists);
    PyMem_Free(found.last);
    PyMem_Free(found.order);
    Py_XDECREF(by_format);
    Py_XDECREF(pairs.fresh);
    Py_XDECREF(runs);
    Py_XDECREF(flagged);
    PyMem_Free(state.seen);
    return result;
}


/* ---- The walker (walk.py's recursive walk, the same rules; see `Walker`) ----
 *
 * Every object the walk reads is held by a strong reference while any call that can run
 * Python code is under way (the key rule, the string rule, `plain`, which may run the
 * methods of a user's Mapping): such code may change the containers being walked, and a
 * borrowed pointer into them would then dangle. Exact str, dict, list, tuple, float, bool
 * and None are read natively (no method of theirs runs); any other value goes through
 * walk.py's `plain`. */

typedef struct {
    PyObject *decisions; /* dict: key -> bool, the key rule's cache */
    PyObject *decide;    /* the key rule, for keys not in `decisions` */
    PyObject *strings;   /* the string rule, or None */
    PyObject *clean;     /* set of strings to pass without a call */
    PyObject *walk_deep; /* Walker._walk_deep, below `deep` levels */
    PyObject *flag;      /* the --flag pattern's match, for strings that start with "-" */
    PyObject *filtered;  /* "[Filtered]" */
    PyObject *plain;     /* walk.plain: the form the walk reads for any other value */
    PyObject *rename;    /* walk.rename_keys: a dict with keys given new texts, nothing lost */
    PyObject *key_strings; /* the string rule for the text of dict keys, or None */
    const KeyWords *triggers; /* words any sensitive key holds (KeyMatcher.triggers), or NULL */
    Py_ssize_t cache_entries, cache_key; /* decisions cached here: at most this many, this long */
    Py_ssize_t deep;
    PyObject *found;   /* list, or NULL */
    PyObject *pending; /* list, or NULL */
} Walk;

static PyObject *walk_dict(Walk *w, PyObject *node, PyObject *context, Py_ssize_t depth);
static PyObject *walk_list(Walk *w, PyObject *node, PyObject *context, Py_ssize_t depth, int pair);

/* The text of a str or a str subclass as an exact str (new reference; no method of a
 * subclass runs), or NULL without an error when `object` is not a str. */
static PyObject *
as_text(PyObject *object)
{
    if (PyUnicode_CheckExact(object))
        return Py_NewRef(object);
    if (!PyUnicode_Check(object))
        return NULL;
#if PY_VERSION_HEX < 0x030C0000
    if (PyUnicode_READY(object) < 0)
        return NULL;
#endif
    return PyUnicode_FromKindAndData(PyUnicode_KIND(object), PyUnicode_DATA(object),
                                     PyUnicode_GET_LENGTH(object));
}

/* Whether the key rule flags `key` (an exact str): 1, 0, or -1 on error. */
static int
decision(Walk *w, PyObject *key)
{
    PyObject *hit = PyDict_GetItemWithError(w->decisions, key); /* borrowed, exact str key */
    if (hit != NULL)
        return hit == Py_True ? 1 : hit == Py_False ? 0 : PyObject_IsTrue(hit);
    if (PyErr_Occurred())
        return -1;
    if (w->triggers != NULL && !key_triggered(w->triggers, key)) {
        /* no word a sensitive key holds: benign, without a call (most new keys) */
        if (PyUnicode_GET_LENGTH(key) <= w->cache_key && PyDict_GET_SIZE(w->decisions) < w->cache_entries &&
            PyDict_SetItem(w->decisions, key, Py_False) < 0)
            return -1;
        return 0;
    }
    hit = PyObject_CallOneArg(w->decide, key);
    if (hit == NULL)
        return -1;
    int result = PyObject_IsTrue(hit);
    Py_DECREF(hit);
    return result;
}

/* walk.nothing_to_hide: None, a bool, "", an empty container, or already "[Filtered]". */
static int
nothing_to_hide(Walk *w, PyObject *value)
{
    if (PyUnicode_Check(value)) {
#if PY_VERSION_HEX < 0x030C0000
        if (PyUnicode_READY(value) < 0)
            return -1;
#endif
        return PyUnicode_GET_LENGTH(value) == 0 || PyUnicode_Compare(value, w->filtered) == 0;
    }
    if (PyDict_CheckExact(value))
        return PyDict_GET_SIZE(value) == 0;
    if (PyList_CheckExact(value) || PyTuple_CheckExact(value))
        return PySequence_Fast_GET_SIZE(value) == 0;
    return value == Py_None || PyBool_Check(value);
}

static int
remember_found(Walk *w, PyObject *value)
{
    return w->found == NULL ? 0 : PyList_Append(w->found, value);
}

/* A value the walk does not look into: float, bool, None, and ints below BIG_INT (10**8). */
static int
is_scalar(PyObject *value)
{
    if (value == Py_None || PyBool_Check(value) || PyFloat_CheckExact(value))
        return 1;
    if (PyLong_CheckExact(value)) {
        int overflow;
        long long number = PyLong_AsLongLongAndOverflow(value, &overflow);
        if (number == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            return 0;
        }
        return overflow < 0 || (overflow == 0 && number < 100000000LL);
    }
    return 0;
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

/* An exact str where the tree holds text: the text to keep (new reference; `text` itself
 * when unchanged), or NULL on error. */
static PyObject *
walk_text(Walk *w, PyObject *text, PyObject *context)
{
    if (w->pending != NULL)
        return PyList_Append(w->pending, text) < 0 ? NULL : Py_NewRef(text);
    if (w->strings == Py_None)
        return Py_NewRef(text);
    int known = PySet_Contains(w->clean, text);
    if (known != 0)
        return known < 0 ? NULL : Py_NewRef(text); /* a clean string stays as it is */
    return PyObject_CallFunctionObjArgs(w->strings, text, context == NULL ? Py_None : context, NULL);
}

/* Any value under a dict key or in a list (not a pair, not after a --flag): what to keep in
 * its place (new reference; `value` itself when unchanged), or NULL on error. */
static PyObject *
walk_value(Walk *w, PyObject *value, PyObject *context, Py_ssize_t depth)
{
    if (PyUnicode_CheckExact(value))
        return walk_text(w, value, context);
    if (PyDict_CheckExact(value))
        return walk_dict(w, value, context, depth + 1);
    if (PyList_CheckExact(value) || PyTuple_CheckExact(value))
        return walk_list(w, value, context, depth + 1, 0);
    if (is_scalar(value))
        return Py_NewRef(value);
    PyObject *form = PyObject_CallOneArg(w->plain, value);
    if (form == NULL || form == Py_None) {
        Py_XDECREF(form);
        return form == NULL ? NULL : Py_NewRef(value);
    }
    PyObject *new;
    if (PyUnicode_CheckExact(form))
        new = walk_text(w, form, context);
    else if (PyDict_CheckExact(form))
        new = walk_dict(w, form, context, depth + 1);
    else
        new = walk_list(w, form, context, depth + 1, 0);
    if (new == form) { /* unchanged: the original value stays */
        Py_DECREF(new);
        new = Py_NewRef(value);
    }
    Py_DECREF(form);
    return new;
}

/* A text key's text through the string rule (with the key above the dict, `context`): a
 * new text is noted in `*renames` as (key, text), in the dict's order, and given in
 * `*scrubbed` (a new reference; left NULL when the text stays). 0, or -1 on error. */
static int
walk_key(Walk *w, PyObject *key, PyObject *name, PyObject *context, PyObject **renames, PyObject **scrubbed)
{
    PyObject *new_name;
    if (w->pending != NULL)
        new_name = PyList_Append(w->pending, name) < 0 ? NULL : Py_NewRef(name);
    else if (w->key_strings == Py_None)
        new_name = Py_NewRef(name);
    else {
        int known = PySet_Contains(w->clean, name);
        if (known < 0)
            return -1;
        new_name = known ? Py_NewRef(name)
                         : PyObject_CallFunctionObjArgs(w->key_strings, name, context == NULL ? Py_None : context, NULL);
    }
    if (new_name == NULL)
        return -1;
    int differs = 0;
    if (new_name != name && (differs = PyObject_RichCompareBool(new_name, name, Py_NE)) < 0) {
        Py_DECREF(new_name);
        return -1;
    }
    if (differs) {
        PyObject *item = PyTuple_Pack(2, key, new_name);
        if (item == NULL || (*renames == NULL && (*renames = PyList_New(0)) == NULL) ||
            PyList_Append(*renames, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(new_name);
            return -1;
        }
        Py_DECREF(item);
        *scrubbed = Py_NewRef(new_name); /* the key as it will read: its value is read under it */
    }
    Py_DECREF(new_name);
    return 0;
}

static PyObject *
walk_dict(Walk *w, PyObject *node, PyObject *context, Py_ssize_t depth)
{
    if (depth > w->deep)
        return deep_walk(w, node, context);
    PyObject *out = NULL, *renames = NULL, *key, *value;
    Py_ssize_t position = 0;
    while (PyDict_Next(node, &position, &key, &value)) {
        PyObject *name = NULL, *new = NULL, *scrubbed = NULL;
        Py_INCREF(key);
        Py_INCREF(value);
        if ((name = as_text(key)) == NULL && PyErr_Occurred())
            goto error;
        if (name != NULL) {
            if (walk_key(w, key, name, context, &renames, &scrubbed) < 0)
                goto error;
            int hit = decision(w, name);
            if (hit < 0)
                goto error;
            if (hit) {
                int nothing = nothing_to_hide(w, value);
                if (nothing < 0)
                    goto error;
                if (!nothing) {
                    new = Py_NewRef(w->filtered);
                    if (remember_found(w, value) < 0)
                        goto error;
                }
                goto next;
            }
        }
        /* the value is read under its key as the key will read (a second scrub sees that) */
        new = walk_value(w, value, scrubbed != NULL ? scrubbed : name == NULL ? context : name, depth);
        if (new == NULL)
            goto error;
    next:
        if (new != NULL && new != value) {
            if (out == NULL && (out = PyDict_Copy(node)) == NULL)
                goto error;
            if (PyDict_SetItem(out, key, new) < 0)
                goto error;
        }
        Py_XDECREF(new);
        Py_XDECREF(name);
        Py_XDECREF(scrubbed);
        Py_DECREF(key);
        Py_DECREF(value);
        continue;
    error:
        Py_XDECREF(new);
        Py_XDECREF(name);
        Py_XDECREF(scrubbed);
        Py_DECREF(key);
        Py_DECREF(value);
        Py_XDECREF(out);
        Py_XDECREF(renames);
        return NULL;
    }
    if (renames != NULL) { /* rename_keys copies: `node` is never changed */
        PyObject *result = PyObject_CallFunctionObjArgs(w->rename, out == NULL ? node : out, renames, NULL);
        Py_XDECREF(out);
        Py_DECREF(renames);
        return result;
    }
    return out == NULL ? Py_NewRef(node) : out;
}

/* A [key, value] pair (how Sentry exports headers), its key's text given: the value goes
 * if the key is sensitive. New reference, or NULL on error. */
static PyObject *
walk_pair(Walk *w, PyObject *pair, PyObject *name, Py_ssize_t depth)
{
    int hit = decision(w, name);
    if (hit <= 0)
        return hit < 0 ? NULL : walk_list(w, pair, name, depth + 1, 1);
    if (PySequence_Fast_GET_SIZE(pair) != 2) /* the key rule may have run code that changed it */
        return walk_list(w, pair, name, depth + 1, 1);
    PyObject *key = Py_NewRef(PySequence_Fast_GET_ITEM(pair, 0));
    PyObject *value = Py_NewRef(PySequence_Fast_GET_ITEM(pair, 1));
    PyObject *result = NULL;
    int nothing = nothing_to_hide(w, value);
    if (nothing > 0)
        result = Py_NewRef(pair);
    else if (nothing == 0 && remember_found(w, value) == 0 && (result = PyList_New(2)) != NULL) {
        PyList_SET_ITEM(result, 0, Py_NewRef(key));
        PyList_SET_ITEM(result, 1, Py_NewRef(w->filtered));
    }
    Py_DECREF(key);
    Py_DECREF(value);
    return result;
}

/* Whether `text` (an exact str) is a sensitive --flag: its next item is then its value. */
static int
sensitive_flag(Walk *w, PyObject *text)
{
    if (PyUnicode_GET_LENGTH(text) == 0 || PyUnicode_READ_CHAR(text, 0) != '-')
        return 0;
    PyObject *match = PyObject_CallOneArg(w->flag, text);
    if (match == NULL)
        return -1;
    int is_flag = match != Py_None;
    Py_DECREF(match);
    return is_flag ? decision(w, text) : 0;
}

/* A list or tuple; for a [key, value] `pair` whose key is given a new text, the items after
 * the key are read under that text (as a second scrub reads them). */
static PyObject *
walk_list(Walk *w, PyObject *node, PyObject *context, Py_ssize_t depth, int pair)
{
    if (depth > w->deep)
        return deep_walk(w, node, context);
    PyObject *out = NULL, *scrubbed = NULL;
    int flag = 0; /* the previous item was a sensitive --flag: this one is its value */
    /* the size is read again each time: code the walk runs may have changed the list */
    for (Py_ssize_t index = 0; index < PySequence_Fast_GET_SIZE(node); index++) {
        PyObject *value = Py_NewRef(PySequence_Fast_GET_ITEM(node, index));
        PyObject *new = NULL, *text = NULL, *name = NULL;
        if (flag) { /* the value of a sensitive --flag, whatever it is */
            flag = 0;
            int nothing = nothing_to_hide(w, value);
            if (nothing < 0 || (!nothing && remember_found(w, value) < 0))
                goto error;
            new = Py_NewRef(nothing ? value : w->filtered);
        }
        else if ((text = as_text(value)) == NULL && PyErr_Occurred())
            goto error;
        else if (text != NULL) {
            if ((flag = sensitive_flag(w, text)) != 0) {
                if (flag < 0)
                    goto error;
                new = Py_NewRef(value);
            }
            else {
                if ((new = walk_text(w, text, context)) == NULL)
                    goto error;
                if (new == text) { /* unchanged: the original item stays */
                    Py_DECREF(new);
                    new = Py_NewRef(value);
                }
                else if (pair && index == 0 && PyUnicode_CheckExact(new)) {
                    scrubbed = Py_NewRef(new);
                    context = scrubbed;
                }
            }
        }
        else if ((PyList_CheckExact(value) || PyTuple_CheckExact(value)) &&
                 PySequence_Fast_GET_SIZE(value) == 2) {
            if ((name = as_text(PySequence_Fast_GET_ITEM(value, 0))) == NULL && PyErr_Occurred())
                goto error;
            new = name != NULL ? walk_pair(w, value, name, depth) : walk_list(w, value, context, depth + 1, 0);
        }
        else
            new = walk_value(w, value, context, depth);
        if (new == NULL)
            goto error;
        if (new != value) {
            if (out == NULL && (out = PySequence_List(node)) == NULL)
                goto error;
            if (PyList_SetItem(out, index, Py_NewRef(new)) < 0)
                goto error;
        }
        Py_DECREF(new);
        Py_XDECREF(text);
        Py_XDECREF(name);
        Py_DECREF(value);
        continue;
    error:
        Py_XDECREF(new);
        Py_XDECREF(text);
        Py_XDECREF(name);
        Py_DECREF(value);
        Py_XDECREF(out);
        Py_XDECREF(scrubbed);
        return NULL;
    }
    Py_XDECREF(scrubbed);
    return out == NULL ? Py_NewRef(node) : out;
}

PyDoc_STRVAR(walk_doc,
"walk(config, tree, found, pending) -> tree\n\n"
"Walker's recursive walk in C: the same rules, copy-on-write. `config` is (decisions,\n"
"decide, strings, clean, walk_deep, flag_match, FILTERED, deep, plain, rename_keys,\n"
"key_strings, triggers, (cache_entries, cache_key)): a key with no word of `triggers` (see compile_key_words) is\n"
"benign without calling `decide`. `found` and `pending` are lists or None.");

static PyObject *
walk(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    Walk w;
    if (nargs != 4 || !PyTuple_CheckExact(args[0]) || PyTuple_GET_SIZE(args[0]) != 13) {
        PyErr_SetString(PyExc_TypeError, "walk(config: tuple of 13, tree, found, pending)");
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
    w.plain = PyTuple_GET_ITEM(config, 8);
    w.rename = PyTuple_GET_ITEM(config, 9);
    w.key_strings = PyTuple_GET_ITEM(config, 10);
    if (w.deep == -1 && PyErr_Occurred())
        return NULL;
    PyObject *triggers = PyTuple_GET_ITEM(config, 11);
    w.triggers = triggers == Py_None ? NULL : PyCapsule_GetPointer(triggers, KEY_WORDS_CAPSULE);
    if (w.triggers == NULL && triggers != Py_None)
        return NULL;
    if (!PyArg_ParseTuple(PyTuple_GET_ITEM(config, 12), "nn", &w.cache_entries, &w.cache_key))
        return NULL;
    if (!PyDict_CheckExact(w.decisions) || !PyAnySet_CheckExact(w.clean) || !PyUnicode_CheckExact(w.filtered)) {
        PyErr_SetString(PyExc_TypeError, "walk(): decisions must be a dict, clean a set, FILTERED a str");
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
        return walk_list(&w, tree, NULL, 0, 0);
    PyErr_SetString(PyExc_TypeError, "walk(): the tree must be a dict, a list or a tuple");
    return NULL;
}


/* ---- is_plain: whether reading a tree runs no Python code of its own (walk.is_plain) ----
 *
 * Only exact type checks and reads of exact dicts, lists and tuples: no method of any object
 * in the tree runs, so nothing can change the tree while it is read and borrowed pointers
 * stay valid. Recursive down to PLAIN_DEPTH (walk.DEEP) levels: a container deeper than that
 * (a cycle leads there too) makes the answer None, and walk.is_plain, iterative, decides. */

#define PLAIN_DEPTH 200

/* A dict key the walk reads natively: exact str, int, float, bool or None. */
static int
plain_key(PyObject *key)
{
    return PyUnicode_CheckExact(key) || PyLong_CheckExact(key) || PyFloat_CheckExact(key) ||
           PyBool_Check(key) || key == Py_None;
}

/* 1 plain, 0 not, -1 a container deeper than PLAIN_DEPTH (not read). */
static int
plain_node(PyObject *value, int depth)
{
    if (PyUnicode_Check(value) || PyLong_CheckExact(value) || PyFloat_CheckExact(value) || PyBool_Check(value) ||
        value == Py_None || PyBytes_CheckExact(value) || PyByteArray_CheckExact(value))
        return 1; /* a str subclass too: the walk reads its text with str.__str__ */
    int is_dict = PyDict_CheckExact(value);
    if (!is_dict && !PyList_CheckExact(value) && !PyTuple_CheckExact(value))
        return 0;
    if (depth > PLAIN_DEPTH)
        return -1;
    if (is_dict) {
        Py_ssize_t position = 0;
        PyObject *key, *item;
        while (PyDict_Next(value, &position, &key, &item)) {
            if (!plain_key(key))
                return 0;
            int plain = plain_node(item, depth + 1);
            if (plain != 1)
                return plain;
        }
        return 1;
    }
    Py_ssize_t size = PySequence_Fast_GET_SIZE(value);
    PyObject **items = PySequence_Fast_ITEMS(value);
    for (Py_ssize_t index = 0; index < size; index++) {
        int plain = plain_node(items[index], depth + 1);
        if (plain != 1)
            return plain;
    }
    return 1;
}

PyDoc_STRVAR(is_plain_doc,
"is_plain(tree) -> bool | None\n\n"
"Whether `tree` holds only exact dicts, lists and tuples, dict keys that are exact str, int,\n"
"float, bool or None, and values that are str (subclasses too), exact int, float, bool, None,\n"
"bytes or bytearray: reading it runs no code of its own. None when a container deeper than\n"
"PLAIN_DEPTH was met first (walk.is_plain decides those).");

static PyObject *
is_plain(PyObject *module, PyObject *tree)
{
    int plain = plain_node(tree, 0);
    if (plain < 0)
        Py_RETURN_NONE;
    return PyBool_FromLong(plain);
}


/* ---- holding: which strings hold any of a few values (the echo rule) ----
 *
 * One pass over every string for all values at once (a `str.find` per value reads the
 * strings once per value). A bitmap of the values' first two characters (hashed) tells the
 * few positions worth comparing. The comparing is bounded: past HOLDING_WORK compared
 * characters per character read (text made of a value's head over and over), the answer is
 * None and the caller searches value by value, which is linear too. */

#define HOLDING_BITS (1 << 16)
#define HOLDING_KEY(a, b) ((((Py_UCS4)(a) * 0x1F3u) ^ (Py_UCS4)(b)) & (HOLDING_BITS - 1))
#define HOLDING_WORK 64

typedef struct {
    Py_ssize_t count;
    Py_UCS4 **chars;
    Py_ssize_t *length;
    uint32_t *key; /* the values sorted by key: those of one key stand together */
    uint8_t bits[HOLDING_BITS / 8];
    Py_ssize_t work, budget;
} Holding;

/* The first value of `key` (h->key is sorted), or h->count when there is none. */
static Py_ssize_t
holding_first(const Holding *h, uint32_t key)
{
    Py_ssize_t low = 0, high = h->count;
    while (low < high) {
        Py_ssize_t middle = low + (high - low) / 2;
        if (h->key[middle] < key)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

/* 1 when s[0:n] holds a value, 0 when not, -1 when the work is past the budget. Where the
 * bitmap says a value may start, only the values of that key are compared (found by a
 * binary search: many values must not make every such position cost them all). */
#define DEFINE_HOLDS(NAME, T)                                                                  \
    static int NAME(Holding *h, const T *s, Py_ssize_t n)                                     \
    {                                                                                        \
        uint32_t last = UINT32_MAX; /* the last key searched, and its first value */         \
        Py_ssize_t first = 0;                                                                \
        for (Py_ssize_t i = 0; i + 1 < n; i++) {                                             \
            uint32_t key = HOLDING_KEY(s[i], s[i + 1]);                                      \
            if (!(h->bits[key >> 3] >> (key & 7) & 1))                                       \
                continue;                                                                    \
            if (key != last) {                                                               \
                first = holding_first(h, key);                                               \
                last = key;                                                                  \
            }                                                                                \
            for (Py_ssize_t k = first; k < h->count && h->key[k] == key; k++) {              \
                Py_ssize_t size = h->length[k];                                              \
                if (size > n - i)                                                            \
                    continue;                                                                \
                const Py_UCS4 *v = h->chars[k];                                              \
                Py_ssize_t j = 0;                                                            \
                while (j < size && s[i + j] == v[j])                                         \
                    j++;                                                                     \
                if (j == size)                                                               \
                    return 1;                                                                \
                if ((h->work += j + 1) > h->budget)                                          \
                    return -1;                                                               \
            }                                                                                \
        }                                                                                    \
        return 0;                                                                            \
    }
DEFINE_HOLDS(holds_ucs1, Py_UCS1)
DEFINE_HOLDS(holds_ucs2, Py_UCS2)
DEFINE_HOLDS(holds_ucs4, Py_UCS4)

static void
holding_free(Holding *h)
{
    if (h == NULL)
        return;
    if (h->chars != NULL) {
        for (Py_ssize_t k = 0; k < h->count; k++)
            PyMem_Free(h->chars[k]);
    }
    PyMem_Free(h->chars);
    PyMem_Free(h->length);
    PyMem_Free(h->key);
    PyMem_Free(h);
}

static int
ready_text(PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "holding() takes lists of str");
        return -1;
    }
#if PY_VERSION_HEX < 0x030C0000 /* strings made by the legacy C API are not ready before 3.12 */
    if (PyUnicode_READY(text) < 0)
        return -1;
#endif
    return 0;
}

PyDoc_STRVAR(holding_doc,
"holding(texts, values) -> indices | None\n\n"
"The indices of the strings of the list `texts` that hold any of the strings of the list\n"
"`values` (each at least two characters) as a substring, in order. None when the strings\n"
"repeat the values' first characters so much that comparing would cost more than a search\n"
"value by value (or a value is shorter than two characters): the caller searches so.");

static PyObject *
holding(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2 || !PyList_Check(args[0]) || !PyList_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "holding(texts: list[str], values: list[str])");
        return NULL;
    }
    PyObject *texts = args[0], *values = args[1], *found = NULL;
    Py_ssize_t count = PyList_GET_SIZE(values), total = 0;
    Holding *h = PyMem_Calloc(1, sizeof(Holding));
    if (h == NULL)
        return PyErr_NoMemory();
    h->chars = PyMem_Calloc(count + 1, sizeof(Py_UCS4 *));
    h->length = PyMem_Calloc(count + 1, sizeof(Py_ssize_t));
    h->key = PyMem_Calloc(count + 1, sizeof(uint32_t));
    if (h->chars == NULL || h->length == NULL || h->key == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    h->count = count;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *value = PyList_GET_ITEM(values, k); /* borrowed: nothing here runs Python code */
        if (ready_text(value) < 0)
            goto done;
        if (PyUnicode_GET_LENGTH(value) < 2) {
            found = Py_NewRef(Py_None);
            goto done;
        }
        Py_UCS4 *chars = PyUnicode_AsUCS4Copy(value);
        if (chars == NULL)
            goto done;
        /* insertion by key (a few dozen values at most reach here: see echo_values) */
        uint32_t key = HOLDING_KEY(chars[0], chars[1]);
        Py_ssize_t at = k;
        for (; at > 0 && h->key[at - 1] > key; at--) {
            h->chars[at] = h->chars[at - 1];
            h->length[at] = h->length[at - 1];
            h->key[at] = h->key[at - 1];
        }
        h->chars[at] = chars;
        h->length[at] = PyUnicode_GET_LENGTH(value);
        h->key[at] = key;
        h->bits[key >> 3] |= (uint8_t)(1u << (key & 7));
    }
    for (Py_ssize_t index = 0; index < PyList_GET_SIZE(texts); index++) {
        PyObject *text = PyList_GET_ITEM(texts, index);
        if (ready_text(text) < 0)
            goto done;
        total += PyUnicode_GET_LENGTH(text);
    }
    h->budget = HOLDING_WORK * (total + 1024);
    if ((found = PyList_New(0)) == NULL)
        goto done;
    for (Py_ssize_t index = 0; index < PyList_GET_SIZE(texts); index++) {
        /* borrowed, and read afresh each time: `append_index` allocates, and a collection it
         * starts could run a finaliser that changes the list */
        PyObject *text = PyList_GET_ITEM(texts, index);
        if (ready_text(text) < 0) {
            Py_CLEAR(found);
            goto done;
        }
        const void *data = PyUnicode_DATA(text);
        Py_ssize_t n = PyUnicode_GET_LENGTH(text);
        int holds;
        switch (PyUnicode_KIND(text)) {
        case PyUnicode_1BYTE_KIND:
            holds = holds_ucs1(h, data, n);
            break;
        case PyUnicode_2BYTE_KIND:
            holds = holds_ucs2(h, data, n);
            break;
        default:
            holds = holds_ucs4(h, data, n);
            break;
        }
        if (holds < 0) { /* past the budget */
            Py_DECREF(found);
            found = Py_NewRef(Py_None);
            goto done;
        }
        if (holds && append_index(found, index) < 0) {
            Py_CLEAR(found);
            goto done;
        }
    }
done:
    holding_free(h);
    return found;
}

/* ---- descend: the changed paths of a scrub, for reading it back (findings.changes) ----
 *
 * A scrub copies only the containers on the paths it changed (copy-on-write), so its
 * read-back follows the pairs (before, after) that are not the same object. This follows
 * them down through exact dicts (the same keys, the same objects, in the same order, all
 * exact str) and exact lists and tuples of the same length, exactly as changes() does, and
 * hands back every other pair, in document order, for changes() to read: strings, values
 * replaced whole, and containers of any other shape (it reads those and calls this again). */

#define DESCENT_DEPTH 100

/* What changes() reads a child of `old` under: 1 with *context set (borrowed), 0 when only
 * Python can say (a str subclass for a pair's key). */
static int
pair_context(PyObject *old, PyObject *new, PyObject *context, PyObject **inner)
{
    *inner = context;
    if (Py_SIZE(old) != 2 || !PyUnicode_Check(PySequence_Fast_GET_ITEM(old, 0)))
        return 1; /* not a pair: the context of the list */
    PyObject *key = PySequence_Fast_GET_ITEM(new, 0), *before = PySequence_Fast_GET_ITEM(old, 0);
    if (PyUnicode_CheckExact(key) && PyUnicode_GET_LENGTH(key) > 0) {
        *inner = key; /* the key as it reads now */
        return 1;
    }
    if (PyUnicode_Check(key) && !PyUnicode_CheckExact(key))
        return 0;
    if (!PyUnicode_CheckExact(before))
        return 0;
    *inner = before;
    return 1;
}

/* 1 when changes() would go down into the pair (old, new) as this does, 0 when not. */
static int
descendable(PyObject *old, PyObject *new)
{
    if (PyDict_CheckExact(old) && PyDict_CheckExact(new)) {
        if (PyDict_GET_SIZE(old) != PyDict_GET_SIZE(new))
            return 0;
        Py_ssize_t at = 0, other = 0;
        PyObject *key, *value, *new_key, *new_value;
        while (PyDict_Next(old, &at, &key, &value)) {
            if (!PyDict_Next(new, &other, &new_key, &new_value) || key != new_key || !PyUnicode_CheckExact(key))
                return 0;
        }
        return 1;
    }
    if ((PyList_CheckExact(old) || PyTuple_CheckExact(old)) && (PyList_CheckExact(new) || PyTuple_CheckExact(new))) {
        PyObject *inner;
        return Py_SIZE(old) == Py_SIZE(new) && pair_context(old, new, Py_None, &inner);
    }
    return 0;
}

static PyObject *
step(PyObject *path, PyObject *key)
{
    Py_ssize_t size = PyTuple_GET_SIZE(path);
    PyObject *longer = PyTuple_New(size + 1);
    if (longer == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < size; k++)
        PyTuple_SET_ITEM(longer, k, Py_NewRef(PyTuple_GET_ITEM(path, k)));
    PyTuple_SET_ITEM(longer, size, Py_NewRef(key));
    return longer;
}

static int descend_node(PyObject *out, PyObject *old, PyObject *new, PyObject *path, PyObject *context, int depth);

/* The child pair (value, new_value) at `key` of `old`: followed down, or handed back. */
static int
descend_child(PyObject *out, PyObject *old, PyObject *value, PyObject *new_value, PyObject *path, PyObject *key,
              PyObject *context, int depth)
{
    if (value == new_value)
        return 0;
    PyObject *where = step(path, key);
    if (where == NULL)
        return -1;
    int failed;
    if (depth < DESCENT_DEPTH && descendable(value, new_value))
        failed = descend_node(out, value, new_value, where, context, depth + 1);
    else {
        PyObject *item = PyTuple_Pack(5, value, new_value, where, old, context);
        failed = item == NULL || PyList_Append(out, item) < 0 ? -1 : 0;
        Py_XDECREF(item);
    }
    Py_DECREF(where);
    return failed;
}

/* Every object read here is held by a strong reference across the calls that allocate (a
 * collection they start may run a finaliser, which may change the containers). */
static int
descend_node(PyObject *out, PyObject *old, PyObject *new, PyObject *path, PyObject *context, int depth)
{
    if (PyDict_CheckExact(old)) {
        Py_ssize_t at = 0, other = 0;
        PyObject *key, *value, *new_key, *new_value;
        while (PyDict_Next(old, &at, &key, &value) && PyDict_Next(new, &other, &new_key, &new_value)) {
            if (value == new_value)
                continue;
            Py_INCREF(key);
            Py_INCREF(value);
            Py_INCREF(new_value);
            int failed = descend_child(out, old, value, new_value, path, key, key, depth);
            Py_DECREF(key);
            Py_DECREF(value);
            Py_DECREF(new_value);
            if (failed < 0)
                return -1;
        }
        return 0;
    }
    PyObject *inner;
    if (!pair_context(old, new, context, &inner)) { /* changed meanwhile: hand it back whole */
        PyObject *item = PyTuple_Pack(5, old, new, path, Py_None, context);
        int failed = item == NULL || PyList_Append(out, item) < 0 ? -1 : 0;
        Py_XDECREF(item);
        return failed;
    }
    Py_INCREF(inner);
    int failed = 0;
    for (Py_ssize_t index = 0; !failed && index < Py_SIZE(old) && index < Py_SIZE(new); index++) {
        PyObject *value = Py_NewRef(PySequence_Fast_GET_ITEM(old, index));
        PyObject *new_value = Py_NewRef(PySequence_Fast_GET_ITEM(new, index));
        PyObject *number = PyLong_FromSsize_t(index);
        failed = number == NULL ? -1
                                : descend_child(out, old, value, new_value, path, number, index ? inner : context, depth);
        Py_XDECREF(number);
        Py_DECREF(value);
        Py_DECREF(new_value);
    }
    Py_DECREF(inner);
    return failed;
}

PyDoc_STRVAR(descend_doc,
"descend(old, new, path, context) -> items | None\n\n"
"Following changes() in findings.py: from the pair (old, new) at `path` (a tuple), read\n"
"under `context`, down every pair of children that are not the same object, through exact\n"
"dicts (the same exact str keys, the same objects, in the same order) and exact lists and\n"
"tuples of the same length; the list of every other pair reached, (old, new, path, parent,\n"
"context), in document order. None when changes() would not go down into (old, new) so.");

static PyObject *
descend(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 4 || !PyTuple_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "descend(old, new, path: tuple, context)");
        return NULL;
    }
    if (!descendable(args[0], args[1]))
        Py_RETURN_NONE;
    PyObject *out = PyList_New(0);
    if (out != NULL && descend_node(out, args[0], args[1], args[2], args[3], 0) < 0)
        Py_CLEAR(out);
    return out;
}

static PyMethodDef methods[] = {
    {"compile_anchors", (PyCFunction)compile_anchors, METH_O, compile_anchors_doc},
    {"compile_key_words", (PyCFunction)(void (*)(void))compile_key_words, METH_FASTCALL, compile_key_words_doc},
    {"compile_candidates", (PyCFunction)(void (*)(void))compile_candidates, METH_FASTCALL, compile_candidates_doc},
    {"walk", (PyCFunction)(void (*)(void))walk, METH_FASTCALL, walk_doc},
    {"is_plain", (PyCFunction)is_plain, METH_O, is_plain_doc},
    {"scan", (PyCFunction)(void (*)(void))scan, METH_FASTCALL, scan_doc},
    {"holding", (PyCFunction)(void (*)(void))holding, METH_FASTCALL, holding_doc},
    {"descend", (PyCFunction)(void (*)(void))descend, METH_FASTCALL, descend_doc},
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
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && (PyModule_AddIntConstant(m, "FEATURE_COUNT", N_FEATURES) < 0 ||
                      PyModule_AddIntConstant(m, "PLAIN_DEPTH", PLAIN_DEPTH) < 0)) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
