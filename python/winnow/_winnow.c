/*
 * _winnow.c -- the CPython extension over libwinnow: winnow.extract() and
 * winnow.extract_json(), and the raw call that winnow.dask's WARC reader
 * builds its JSON lines on.  Uses only the public header winnow.h.
 *
 * Every keyword argument maps to one wn_options field through the table
 * OPTIONS below: a new library option is one line there (and one in the
 * docstrings and _winnow.pyi; a test checks that the three agree).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stddef.h>
#include <string.h>

#include "winnow.h"

/* ---- the keyword arguments ---- */

typedef enum opt_kind {
	K_FORMAT, /* a format name (str) */
	K_BOOL,   /* bool -> int field */
	K_STR,    /* str or None -> const char * field */
	K_SIZE,   /* int >= 1 or None -> size_t field */
	K_DEPTH,  /* int from 1 to WN_MAX_DEPTH or None -> unsigned field */
	K_KIND,   /* a kind name (str) -> wn_kind field */
	K_FAVOR,  /* 'balanced', 'precision' or 'recall' -> wn_favor field */
} opt_kind;

typedef struct opt_entry {
	const char *name; /* the keyword */
	opt_kind kind;
	size_t offset; /* of the wn_options field */
} opt_entry;

#define FIELD(f) offsetof(wn_options, f)
static const opt_entry OPTIONS[] = {
	{"format", K_FORMAT, FIELD(format)},
	{"url", K_STR, FIELD(url)},
	{"links", K_BOOL, FIELD(links)},
	{"images", K_BOOL, FIELD(images)},
	{"captions", K_BOOL, FIELD(captions)},
	{"metadata", K_BOOL, FIELD(metadata)},
	{"markdown", K_BOOL, FIELD(json_markdown)},
	{"html", K_BOOL, FIELD(json_html)},
	{"encoding", K_STR, FIELD(encoding)},
	{"content_type", K_STR, FIELD(content_type)},
	{"max_bytes", K_SIZE, FIELD(max_bytes)},
	{"max_depth", K_DEPTH, FIELD(max_depth)},
	{"max_blocks", K_SIZE, FIELD(max_blocks)},
	{"max_output", K_SIZE, FIELD(max_output)},
	{"kind", K_KIND, FIELD(kind)},
	{"comments", K_BOOL, FIELD(comments)},
	{"favor", K_FAVOR, FIELD(favor)},
};
#define N_OPTIONS (sizeof OPTIONS / sizeof *OPTIONS)

/* format= names, as the command's -f, --explain[=tsv] and --annotate; the
 * first two are also the body formats of JSON (set_format). */
static const struct {
	const char *name;
	wn_format format;
} FORMATS[] = {
	{"text", WN_FORMAT_TEXT},
	{"markdown", WN_FORMAT_MARKDOWN},
	{"json", WN_FORMAT_JSON},
	{"explain", WN_FORMAT_EXPLAIN},
	{"explain-tsv", WN_FORMAT_EXPLAIN_TSV},
	{"annotate", WN_FORMAT_ANNOTATE},
	{"html", WN_FORMAT_HTML},
};
#define N_FORMATS (sizeof FORMATS / sizeof *FORMATS)

/* What the call gives back: extract() a str, extract_json() a dict, the
 * raw call (status, JSON bytes, canonical url bytes); the last two write
 * JSON, and their format= names the body's format. */
typedef enum mode { M_TEXT, M_JSON, M_RAW } mode;

typedef struct mod_state {
	PyObject *input_error;
	PyObject *truncated_warning;
	PyObject *json_loads;
} mod_state;

static mod_state *state_of(PyObject *module)
{
	return (mod_state *)PyModule_GetState(module);
}

/* The objects whose UTF-8 the options point into, held for the call. */
typedef struct held {
	PyObject *obj[N_OPTIONS];
	size_t n;
} held;

static void held_release(held *h)
{
	while (h->n)
		Py_DECREF(h->obj[--h->n]);
}

static int set_format(const char *fn, PyObject *v, mode m, wn_options *opt)
{
	if (!PyUnicode_Check(v)) {
		PyErr_Format(PyExc_TypeError, "%s(): format must be a str, not %.100s", fn,
		             Py_TYPE(v)->tp_name);
		return -1;
	}
	/* extract_json() and the raw call write JSON; their format= names the
	 * body's, as the command's -f does with --jsonl and --warc. */
	size_t n = m == M_TEXT ? N_FORMATS : 2; /* text, markdown */
	for (size_t i = 0; i < n; i++)
		if (PyUnicode_CompareWithASCIIString(v, FORMATS[i].name) == 0) {
			if (m == M_TEXT)
				opt->format = FORMATS[i].format;
			else if (FORMATS[i].format == WN_FORMAT_MARKDOWN)
				opt->json_markdown = 1;
			return 0;
		}
	PyErr_Format(PyExc_ValueError,
	             m == M_TEXT ? "%s(): format must be 'text', 'markdown', 'html', 'json', "
	                           "'explain', 'explain-tsv' or 'annotate', not %R"
	                         : "%s(): format must be 'text' or 'markdown' (the "
	                           "body's format), not %R",
	             fn, v);
	return -1;
}

/* One keyword argument into opt; -1 with an exception set. */
static int set_option(const char *fn, const opt_entry *e, PyObject *v, mode m,
                      wn_options *opt, held *h)
{
	char *field = (char *)opt + e->offset;
	switch (e->kind) {
	case K_FORMAT:
		return set_format(fn, v, m, opt);
	case K_KIND: {
		const char *s = PyUnicode_Check(v) ? PyUnicode_AsUTF8(v) : NULL;
		int k = s ? wn_kind_from_name(s) : -1;
		if (!PyUnicode_Check(v)) {
			PyErr_Format(PyExc_TypeError, "%s(): kind must be a str, not %.100s", fn,
			             Py_TYPE(v)->tp_name);
			return -1;
		}
		if (k < 0) {
			PyErr_Format(PyExc_ValueError, "%s(): kind must be 'auto', 'article', "
			             "'forum', 'product', 'collection', 'listing', "
			             "'documentation' or 'service', not %R", fn, v);
			return -1;
		}
		*(wn_kind *)field = (wn_kind)k;
		return 0;
	}
	case K_FAVOR: {
		static const char *const NAMES[WN_FAVOR_COUNT] = {
			[WN_FAVOR_BALANCED] = "balanced", [WN_FAVOR_PRECISION] = "precision",
			[WN_FAVOR_RECALL] = "recall",
		};
		if (!PyUnicode_Check(v)) {
			PyErr_Format(PyExc_TypeError, "%s(): favor must be a str, not %.100s", fn,
			             Py_TYPE(v)->tp_name);
			return -1;
		}
		const char *s = PyUnicode_AsUTF8(v);
		for (int k = 0; s && k < WN_FAVOR_COUNT; k++)
			if (!strcmp(s, NAMES[k])) {
				*(wn_favor *)field = (wn_favor)k;
				return 0;
			}
		if (s)
			PyErr_Format(PyExc_ValueError, "%s(): favor must be 'balanced', "
			             "'precision' or 'recall', not %R", fn, v);
		return -1;
	}
	case K_BOOL:
		if (!PyBool_Check(v)) {
			PyErr_Format(PyExc_TypeError, "%s(): %s must be True or False, not %.100s",
			             fn, e->name, Py_TYPE(v)->tp_name);
			return -1;
		}
		/* markdown=False must not undo format='markdown' in JSON */
		if (v == Py_True)
			*(int *)field = 1;
		return 0;
	case K_STR: {
		if (v == Py_None) {
			*(const char **)field = NULL;
			return 0;
		}
		if (!PyUnicode_Check(v)) {
			PyErr_Format(PyExc_TypeError, "%s(): %s must be a str or None, not %.100s",
			             fn, e->name, Py_TYPE(v)->tp_name);
			return -1;
		}
		Py_ssize_t n;
		const char *s = PyUnicode_AsUTF8AndSize(v, &n);
		if (!s)
			return -1; /* UnicodeEncodeError, a ValueError: lone surrogates */
		if (strlen(s) != (size_t)n) {
			PyErr_Format(PyExc_ValueError, "%s(): %s has a NUL character", fn, e->name);
			return -1;
		}
		Py_INCREF(v);
		h->obj[h->n++] = v;
		*(const char **)field = s;
		return 0;
	}
	case K_SIZE:
	case K_DEPTH: {
		if (v == Py_None)
			return 0; /* the library's default, set by wn_options_init() */
		if (!PyLong_Check(v) || PyBool_Check(v)) {
			PyErr_Format(PyExc_TypeError, "%s(): %s must be an int or None, not %.100s",
			             fn, e->name, Py_TYPE(v)->tp_name);
			return -1;
		}
		int over = 0;
		long long k = PyLong_AsLongLongAndOverflow(v, &over);
		unsigned long long u = (unsigned long long)k;
		if (k == -1 && PyErr_Occurred())
			return -1;
		if (over > 0) { /* above LLONG_MAX: maybe still a size_t */
			u = PyLong_AsUnsignedLongLong(v);
			if (u == (unsigned long long)-1 && PyErr_Occurred()) {
				if (!PyErr_ExceptionMatches(PyExc_OverflowError))
					return -1;
				PyErr_Clear();
				over = -1;
			}
		}
		unsigned long long top = e->kind == K_DEPTH ? WN_MAX_DEPTH : (unsigned long long)SIZE_MAX;
		if (over < 0 || (!over && k < 1) || u > top) {
			PyErr_Format(PyExc_ValueError, "%s(): %s must be from 1 to %llu, not %R", fn,
			             e->name, top, v);
			return -1;
		}
		if (e->kind == K_DEPTH)
			*(unsigned *)field = (unsigned)u;
		else
			*(size_t *)field = (size_t)u;
		return 0;
	}
	}
	return 0;
}

/* The keyword arguments kw (a dict or NULL) into opt, through OPTIONS. */
static int parse_options(const char *fn, PyObject *kw, mode m, wn_options *opt, held *h)
{
	wn_options_init(opt, sizeof *opt);
	PyObject *key, *value;
	Py_ssize_t pos = 0;
	while (kw && PyDict_Next(kw, &pos, &key, &value)) {
		const opt_entry *e = NULL;
		for (size_t i = 0; i < N_OPTIONS && !e; i++)
			if (PyUnicode_Check(key) &&
			    PyUnicode_CompareWithASCIIString(key, OPTIONS[i].name) == 0)
				e = &OPTIONS[i];
		if (!e) {
			PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument %R",
			             fn, key);
			return -1;
		}
		if (set_option(fn, e, value, m, opt, h) < 0)
			return -1;
	}
	if (opt->encoding && !wn_encoding_known(opt->encoding)) {
		PyErr_Format(PyExc_ValueError, "%s(): unknown encoding '%s' (use a WHATWG "
		             "label such as 'utf-8', 'windows-1252', 'shift_jis')", fn,
		             opt->encoding);
		return -1;
	}
	if (m != M_TEXT)
		opt->format = WN_FORMAT_JSON;
	return 0;
}

/* The page's bytes: a str as UTF-8 (lone surrogates kept as such, for the
 * library to replace like any invalid byte), else any bytes-like object. */
typedef struct page {
	Py_buffer view;
	int have_view;
	PyObject *encoded; /* a str's UTF-8 when it had lone surrogates */
	const char *data;
	size_t len;
	int is_str;
} page;

static int page_get(const char *fn, PyObject *html, page *p)
{
	memset(p, 0, sizeof *p);
	if (PyUnicode_Check(html)) {
		Py_ssize_t n;
		p->is_str = 1;
		p->data = PyUnicode_AsUTF8AndSize(html, &n);
		if (!p->data) {
			if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
				return -1;
			PyErr_Clear();
			p->encoded = PyUnicode_AsEncodedString(html, "utf-8", "surrogatepass");
			if (!p->encoded)
				return -1;
			p->data = PyBytes_AS_STRING(p->encoded);
			n = PyBytes_GET_SIZE(p->encoded);
		}
		p->len = (size_t)n;
		return 0;
	}
	if (!PyObject_CheckBuffer(html)) {
		PyErr_Format(PyExc_TypeError, "%s(): html must be str or bytes, not %.100s", fn,
		             Py_TYPE(html)->tp_name);
		return -1;
	}
	if (PyObject_GetBuffer(html, &p->view, PyBUF_SIMPLE) < 0)
		return -1;
	p->have_view = 1;
	p->data = p->view.buf;
	p->len = (size_t)p->view.len;
	return 0;
}

static void page_release(page *p)
{
	if (p->have_view)
		PyBuffer_Release(&p->view);
	Py_XDECREF(p->encoded);
}

/* wn_extract() without the GIL, so that threads extract in parallel: the
 * page's buffer and the options' strings are held by the caller. */
static wn_status extract_nogil(const page *p, const wn_options *opt, wn_result **r)
{
	wn_status st;
	Py_BEGIN_ALLOW_THREADS
	st = wn_extract(p->data, p->len, opt, r);
	Py_END_ALLOW_THREADS
	return st;
}

static PyObject *bytes_or_none(const char *s)
{
	if (!s)
		Py_RETURN_NONE;
	return PyBytes_FromString(s);
}

static PyObject *run(PyObject *module, PyObject *args, PyObject *kw, mode m, const char *fn)
{
	mod_state *ms = state_of(module);
	if (PyTuple_GET_SIZE(args) != 1) {
		PyErr_Format(PyExc_TypeError, "%s() takes exactly one positional argument "
		             "(page), %zd given", fn, PyTuple_GET_SIZE(args));
		return NULL;
	}
	wn_options opt;
	held h = {{0}, 0};
	page p;
	PyObject *ret = NULL, *text;
	wn_result *r = NULL;
	wn_status st;
	size_t len = 0;
	const char *out;
	if (parse_options(fn, kw, m, &opt, &h) < 0) {
		held_release(&h);
		return NULL;
	}
	if (page_get(fn, PyTuple_GET_ITEM(args, 0), &p) < 0) {
		held_release(&h);
		return NULL;
	}
	if (p.is_str) {
		/* The text is decoded already: its UTF-8 must not be read as
		 * what a <meta charset> in it says. */
		if (opt.encoding) {
			PyErr_Format(PyExc_ValueError, "%s(): encoding applies to bytes; a str "
			             "is decoded already", fn);
			goto done;
		}
		opt.encoding = "utf-8";
	}

	st = extract_nogil(&p, &opt, &r);
	out = r ? wn_result_output(r, &len) : NULL;
	if (st == WN_EINPUT) {
		PyErr_Format(ms->input_error, "the input (%zu bytes) is larger than max_bytes "
		             "(%zu bytes)", p.len, opt.max_bytes);
		goto done;
	}
	if (st == WN_ENOTHTML) {
		PyErr_SetString(ms->input_error, wn_status_string(st));
		goto done;
	}
	if (st != WN_OK && st != WN_NO_CONTENT) { /* WN_EINVAL: not from these options */
		PyErr_Format(PyExc_ValueError, "%s(): %s", fn, wn_status_string(st));
		wn_result_free(r);
		goto done;
	}
	if (wn_result_truncated(r) &&
	    PyErr_WarnFormat(ms->truncated_warning, 1, "the output was cut at max_output "
	                     "(%zu bytes)", opt.max_output) < 0) {
		wn_result_free(r);
		goto done;
	}
	text = PyUnicode_DecodeUTF8(out, (Py_ssize_t)len, NULL);
	wn_result_free(r);
	if (!text || m == M_TEXT) {
		ret = text;
		goto done;
	}
	ret = PyObject_CallOneArg(ms->json_loads, text);
	Py_DECREF(text);
done:
	page_release(&p);
	held_release(&h);
	return ret;
}

static PyObject *w_extract(PyObject *module, PyObject *args, PyObject *kw)
{
	return run(module, args, kw, M_TEXT, "extract");
}

static PyObject *w_extract_json(PyObject *module, PyObject *args, PyObject *kw)
{
	return run(module, args, kw, M_JSON, "extract_json");
}

/* _extract_raw(html, url, content_type, options): for winnow.dask's WARC
 * reader, which has url and content_type as the record's bytes. */
static PyObject *w_extract_raw(PyObject *module, PyObject *args)
{
	(void)module;
	PyObject *html, *url, *ctype, *kw, *ret = NULL;
	const char *fn = "_extract_raw";
	wn_options opt;
	held h = {{0}, 0};
	page p;
	wn_result *r = NULL;
	if (!PyArg_ParseTuple(args, "OOOO!:_extract_raw", &html, &url, &ctype, &PyDict_Type,
	                      &kw))
		return NULL;
	if ((url != Py_None && !PyBytes_Check(url)) ||
	    (ctype != Py_None && !PyBytes_Check(ctype))) {
		PyErr_SetString(PyExc_TypeError,
		                "_extract_raw(): url and content_type are bytes or None");
		return NULL;
	}
	if (parse_options(fn, kw, M_RAW, &opt, &h) < 0 || page_get(fn, html, &p) < 0) {
		held_release(&h);
		return NULL;
	}
	opt.url = url == Py_None ? NULL : PyBytes_AS_STRING(url);
	opt.content_type = ctype == Py_None ? NULL : PyBytes_AS_STRING(ctype);
	if ((opt.url && strlen(opt.url) != (size_t)PyBytes_GET_SIZE(url)) ||
	    (opt.content_type &&
	     strlen(opt.content_type) != (size_t)PyBytes_GET_SIZE(ctype))) {
		PyErr_SetString(PyExc_ValueError, "_extract_raw(): a NUL in url or content_type");
	} else {
		size_t len = 0;
		wn_status st = extract_nogil(&p, &opt, &r);
		const char *out = r ? wn_result_output(r, &len) : NULL;
		if (r)
			ret = Py_BuildValue("(iy#N)", (int)st, out, (Py_ssize_t)len,
			                    bytes_or_none(wn_result_metadata(r)->url));
		else
			ret = Py_BuildValue("(iOO)", (int)st, Py_None, Py_None);
		wn_result_free(r);
	}
	page_release(&p);
	held_release(&h);
	return ret;
}

/* _check_options(options, json): raises what extract() or extract_json()
 * would raise for these keyword arguments, before any page is read. */
static PyObject *w_check_options(PyObject *module, PyObject *args)
{
	(void)module;
	PyObject *kw;
	int json;
	if (!PyArg_ParseTuple(args, "O!p:_check_options", &PyDict_Type, &kw, &json))
		return NULL;
	wn_options opt;
	held h = {{0}, 0};
	int rc = parse_options(json ? "extract_json" : "extract", kw, json ? M_JSON : M_TEXT,
	                       &opt, &h);
	held_release(&h);
	if (rc < 0)
		return NULL;
	Py_RETURN_NONE;
}

static PyObject *w_status_string(PyObject *module, PyObject *arg)
{
	(void)module;
	long s = PyLong_AsLong(arg);
	if (s == -1 && PyErr_Occurred())
		return NULL;
	return PyUnicode_FromString(wn_status_string((wn_status)s));
}

/* The signature lines (before "--") give inspect.signature() and help()
 * the keyword arguments of OPTIONS. */
#define KEYWORDS \
	"url=None, links=False, images=False, captions=False, " \
	"metadata=False, markdown=False, html=False, encoding=None, content_type=None, " \
	"max_bytes=None, max_depth=None, max_blocks=None, max_output=None, " \
	"kind='auto', comments=False, favor='balanced')\n--\n\n"

#define OPTIONS_DOC \
	"url: the page's address: links and images are made absolute against it.\n" \
	"links, images: Markdown and HTML: keep hyperlinks ([text](url),\n" \
	"    <a href>) and images (![alt](src), <img>).\n" \
	"captions: keep figure captions (left out by default).\n" \
	"metadata: text and Markdown: the title, author, date ... before the\n" \
	"    body (Markdown: YAML front matter).\n" \
	"markdown: JSON: the body as Markdown under \"markdown\" instead of\n" \
	"    text under \"text\".\n" \
	"html: JSON: also the body as an HTML fragment under \"html\".\n" \
	"encoding: bytes only: the page's charset (a WHATWG label such as\n" \
	"    'shift_jis'), overriding what the page declares; a label the\n" \
	"    library does not know is a ValueError.\n" \
	"content_type: the HTTP Content-Type the page came with, for its\n" \
	"    charset parameter.\n" \
	"max_bytes: refuse input larger than this (default 64 MiB).\n" \
	"max_depth: read elements nested deeper than this as part of their\n" \
	"    ancestor (default 512, at most 65534).\n" \
	"max_blocks: read at most this many blocks of text (default 1,000,000).\n" \
	"max_output: cut the body at this many bytes (default 64 MiB), with a\n" \
	"    winnow.TruncatedWarning.\n" \
	"kind: read the page as this kind ('article', 'forum', 'product',\n" \
	"    'collection', 'listing', 'documentation', 'service'); 'auto'\n" \
	"    (default) decides it from the page's structure.\n" \
	"comments: also the page's comment section, after the body under a\n" \
	"    Comments heading (JSON: \"comments\", a list of author, date and\n" \
	"    text), never mixed into it.\n" \
	"favor: 'precision' leaves out more that may be boilerplate, 'recall'\n" \
	"    keeps more that may be content; 'balanced' (default) the best F1.\n" \
	"\n" \
	"page is a str (taken as the text it is: a <meta charset> in it is not\n" \
	"obeyed) or bytes (decoded as the command does: BOM, encoding,\n" \
	"content_type, <meta charset>, then detected).\n" \
	"\n" \
	"Raises TypeError or ValueError for a bad argument, winnow.InputError\n" \
	"for input that cannot be used (larger than max_bytes, or binary data\n" \
	"such as an image or an archive).  The GIL is released during the\n" \
	"extraction: threads extract pages in parallel.\n"

PyDoc_STRVAR(extract_doc,
	"extract($module, page, /, *, format='text', " KEYWORDS
	"The main content of an HTML page, without its navigation, teasers,\n"
	"share bars, comments and footers: what `winnow -f FORMAT` prints for\n"
	"it with the same options, or '' when the page has no content.\n"
	"\n"
	"format: 'text' (default), 'markdown', 'html' (a fragment; a document\n"
	"    with metadata=True), 'json' (the JSON object as\n"
	"    text), 'explain' or 'explain-tsv' (one line per block: score,\n"
	"    features, decision), 'annotate' (the page with its blocks outlined).\n"
	OPTIONS_DOC);

PyDoc_STRVAR(extract_json_doc,
	"extract_json($module, page, /, *, format='text', " KEYWORDS
	"The JSON object `winnow -f json` prints for the page, as a dict: title,\n"
	"author, date, modified, sitename, description, language, url, image,\n"
	"tags, categories (None or [] when the page does not say), kind,\n"
	"kind_confidence, source, then the body under \"text\" (or\n"
	"\"markdown\"), '' when the page has no content, \"html\" with\n"
	"html=True, \"comments\" with comments=True; \"truncated\": True when\n"
	"max_output cut it.\n"
	"\n"
	"format: the body's format, 'text' (default) or 'markdown' (the same as\n"
	"    markdown=True).\n"
	OPTIONS_DOC);

static PyMethodDef methods[] = {
	{"extract", (PyCFunction)(void (*)(void))w_extract, METH_VARARGS | METH_KEYWORDS,
	 extract_doc},
	{"extract_json", (PyCFunction)(void (*)(void))w_extract_json,
	 METH_VARARGS | METH_KEYWORDS, extract_json_doc},
	{"_extract_raw", w_extract_raw, METH_VARARGS,
	 "_extract_raw(html, url, content_type, options) -> (status, json, canonical_url)"},
	{"_check_options", w_check_options, METH_VARARGS,
	 "_check_options(options, json): raises for bad keyword arguments"},
	{"_status_string", w_status_string, METH_O, "_status_string(status) -> str"},
	{NULL, NULL, 0, NULL},
};

static int add_int(PyObject *m, const char *name, long long v)
{
	PyObject *o = PyLong_FromLongLong(v);
	if (!o || PyModule_AddObject(m, name, o) < 0) {
		Py_XDECREF(o);
		return -1;
	}
	return 0;
}

static int exec_module(PyObject *m)
{
	mod_state *ms = state_of(m);
	ms->input_error = PyErr_NewExceptionWithDoc(
	    "winnow.InputError",
	    "The input cannot be used: larger than max_bytes, or binary data (an\n"
	    "image, an archive, an executable ...), not a page.",
	    PyExc_ValueError, NULL);
	ms->truncated_warning = PyErr_NewExceptionWithDoc(
	    "winnow.TruncatedWarning", "The output was cut at max_output.",
	    PyExc_UserWarning, NULL);
	PyObject *json = PyImport_ImportModule("json");
	ms->json_loads = json ? PyObject_GetAttrString(json, "loads") : NULL;
	Py_XDECREF(json);
	if (!ms->input_error || !ms->truncated_warning || !ms->json_loads)
		return -1;
	if (PyModule_AddObjectRef(m, "InputError", ms->input_error) < 0 ||
	    PyModule_AddObjectRef(m, "TruncatedWarning", ms->truncated_warning) < 0 ||
	    PyModule_AddStringConstant(m, "__version__", wn_version()) < 0)
		return -1;
	PyObject *names = PyTuple_New((Py_ssize_t)N_OPTIONS);
	if (!names)
		return -1;
	for (size_t i = 0; i < N_OPTIONS; i++) {
		PyObject *s = PyUnicode_FromString(OPTIONS[i].name);
		if (!s) {
			Py_DECREF(names);
			return -1;
		}
		PyTuple_SET_ITEM(names, (Py_ssize_t)i, s);
	}
	if (PyModule_AddObject(m, "OPTIONS", names) < 0) {
		Py_DECREF(names);
		return -1;
	}
	return add_int(m, "DEFAULT_MAX_BYTES", (long long)WN_DEFAULT_MAX_BYTES) ||
	       add_int(m, "OK", WN_OK) || add_int(m, "NO_CONTENT", WN_NO_CONTENT) ||
	       add_int(m, "EINPUT", WN_EINPUT) || add_int(m, "ENOTHTML", WN_ENOTHTML)
	           ? -1
	           : 0;
}

static int traverse(PyObject *m, visitproc visit, void *arg)
{
	mod_state *ms = state_of(m);
	Py_VISIT(ms->input_error);
	Py_VISIT(ms->truncated_warning);
	Py_VISIT(ms->json_loads);
	return 0;
}

static int clear(PyObject *m)
{
	mod_state *ms = state_of(m);
	Py_CLEAR(ms->input_error);
	Py_CLEAR(ms->truncated_warning);
	Py_CLEAR(ms->json_loads);
	return 0;
}

static void free_module(void *m)
{
	clear((PyObject *)m);
}

static PyModuleDef_Slot slots[] = {
	{Py_mod_exec, (void *)exec_module},
	{0, NULL},
};

static struct PyModuleDef module_def = {
	PyModuleDef_HEAD_INIT,
	.m_name = "winnow._winnow",
	.m_doc = "The C extension of the winnow package over libwinnow (see winnow).",
	.m_size = sizeof(mod_state),
	.m_methods = methods,
	.m_slots = slots,
	.m_traverse = traverse,
	.m_clear = clear,
	.m_free = free_module,
};

PyMODINIT_FUNC PyInit__winnow(void)
{
	return PyModuleDef_Init(&module_def);
}
