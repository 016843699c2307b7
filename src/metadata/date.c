/*
 * metadata_date.c -- dates as pages write them, turned into ISO 8601:
 * "2017-12-04T10:00:00+01:00", "20171204", "4 December 2017",
 * "Dec. 4th, 2017, 3:46 PM", "Monday, 4. Dezember 2017", "4 de diciembre
 * de 2017", "04-Dec-2017", "04.12.2017", "2017年12月4日 10時30分".  Month
 * names in English, German, French, Spanish, Portuguese and Italian.  Nothing is
 * guessed: "04/05/2017" (day or month first?) is no date.
 */
#include <string.h>

#include "metadata/meta.h"


typedef struct month_name {
	const char *name; /* lower case; a trailing '.' in the text is skipped */
	int month;
} month_name;

static const month_name MONTHS[] = {
	/* English */
	{"january", 1},
	{"february", 2},
	{"march", 3},
	{"april", 4},
	{"may", 5},
	{"june", 6},
	{"july", 7},
	{"august", 8},
	{"september", 9},
	{"october", 10},
	{"november", 11},
	{"december", 12},
	{"jan", 1},
	{"feb", 2},
	{"mar", 3},
	{"apr", 4},
	{"jun", 6},
	{"jul", 7},
	{"aug", 8},
	{"sep", 9},
	{"sept", 9},
	{"oct", 10},
	{"nov", 11},
	{"dec", 12},
	/* German */
	{"januar", 1},
	{"jänner", 1},
	{"februar", 2},
	{"märz", 3},
	{"maerz", 3},
	{"mai", 5},
	{"juni", 6},
	{"juli", 7},
	{"oktober", 10},
	{"dezember", 12},
	{"mär", 3},
	{"okt", 10},
	{"dez", 12},
	/* French */
	{"janvier", 1},
	{"février", 2},
	{"fevrier", 2},
	{"mars", 3},
	{"avril", 4},
	{"juin", 6},
	{"juillet", 7},
	{"août", 8},
	{"aout", 8},
	{"septembre", 9},
	{"octobre", 10},
	{"novembre", 11},
	{"décembre", 12},
	{"decembre", 12},
	{"janv", 1},
	{"févr", 2},
	{"fevr", 2},
	{"avr", 4},
	{"juil", 7},
	{"déc", 12},
	/* Spanish */
	{"enero", 1},
	{"febrero", 2},
	{"marzo", 3},
	{"abril", 4},
	{"mayo", 5},
	{"junio", 6},
	{"julio", 7},
	{"agosto", 8},
	{"septiembre", 9},
	{"setiembre", 9},
	{"octubre", 10},
	{"noviembre", 11},
	{"diciembre", 12},
	{"ene", 1},
	{"abr", 4},
	{"ago", 8},
	{"dic", 12},
	/* Portuguese */
	{"janeiro", 1},
	{"fevereiro", 2},
	{"março", 3},
	{"maio", 5},
	{"junho", 6},
	{"julho", 7},
	{"setembro", 9},
	{"outubro", 10},
	{"novembro", 11},
	{"dezembro", 12},
	{"fev", 2},
	{"out", 10},
	/* Italian */
	{"gennaio", 1},
	{"febbraio", 2},
	{"aprile", 4},
	{"maggio", 5},
	{"giugno", 6},
	{"luglio", 7},
	{"settembre", 9},
	{"ottobre", 10},
	{"dicembre", 12},
	{"gen", 1},
	{"mag", 5},
	{"giu", 6},
	{"lug", 7},
	{"ott", 10},
};

/* Skipped before a date: "Monday, 4 December", "Mo., 4. Dezember". */
static const char *const WEEKDAYS[] = {
	"monday",   "tuesday", "wednesday", "thursday", "friday",   "saturday",  "sunday",
	"mon",      "tue",     "tues",      "wed",      "thu",      "thur",      "thurs",
	"fri",      "sat",     "sun",       "montag",   "dienstag", "mittwoch",  "donnerstag",
	"freitag",  "samstag", "sonntag",   "mo",       "di",       "mi",        "do",
	"fr",       "sa",      "so",        "lundi",    "mardi",    "mercredi",  "jeudi",
	"vendredi", "samedi",  "dimanche",  "lunes",    "martes",   "miércoles", "miercoles",
	"jueves",   "viernes", "sábado",    "sabado",   "domingo",
};

typedef struct cur {
	const char *s;
	size_t n, i;
} cur;

static int at(const cur *c, size_t k) /* byte k ahead, or 0 at the end */
{
	return c->i + k < c->n ? (unsigned char)c->s[c->i + k] : 0;
}

static int is_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

static int is_alpha(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
}

static void skip_spaces(cur *c)
{
	for (;;) {
		int ch = at(c, 0);
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
			c->i++;
		else if (ch == 0xC2 && at(c, 1) == 0xA0) /* no-break space */
			c->i += 2;
		else
			return;
	}
}

/* Reads 1..max digits; returns the count, 0 when there is no digit. */
static int digits(cur *c, int max, int *v)
{
	int k = 0;
	*v = 0;
	while (k < max && is_digit(at(c, 0))) {
		*v = *v * 10 + (at(c, 0) - '0');
		c->i++;
		k++;
	}
	/* A longer run of digits is a number, not this field. */
	if (k == max && is_digit(at(c, 0)))
		return 0;
	return k;
}

/* Reads a word of letters, lower-cased (ASCII only) into w. */
static size_t word(cur *c, char *w, size_t cap)
{
	size_t k = 0, start = c->i;
	while (is_alpha(at(c, 0))) {
		int ch = at(c, 0);
		if (ch >= 'A' && ch <= 'Z')
			ch += 'a' - 'A';
		if (k + 1 < cap)
			w[k++] = (char)ch;
		c->i++;
	}
	w[k] = 0;
	return c->i - start;
}

static int month_word(cur *c)
{
	char w[16];
	size_t save = c->i;
	if (!word(c, w, sizeof w) || strlen(w) >= sizeof w - 1) {
		c->i = save;
		return 0;
	}
	for (size_t k = 0; k < sizeof MONTHS / sizeof *MONTHS; k++)
		if (MONTHS[k].name[0] == w[0] && !strcmp(w, MONTHS[k].name)) {
			if (at(c, 0) == '.')
				c->i++;
			return MONTHS[k].month;
		}
	c->i = save;
	return 0;
}

static void skip_weekday(cur *c)
{
	char w[16];
	size_t save = c->i;
	if (word(c, w, sizeof w))
		for (size_t k = 0; k < sizeof WEEKDAYS / sizeof *WEEKDAYS; k++)
			if (WEEKDAYS[k][0] == w[0] && !strcmp(w, WEEKDAYS[k])) {
				if (at(c, 0) == '.')
					c->i++;
				if (at(c, 0) == ',')
					c->i++;
				skip_spaces(c);
				return;
			}
	c->i = save;
}

/* Skips one of the given lower-case words if it comes next ("de", "at"). */
static int skip_word(cur *c, const char *const *list)
{
	char w[16];
	size_t save = c->i;
	if (word(c, w, sizeof w))
		for (; *list; list++)
			if (!strcmp(w, *list)) {
				skip_spaces(c);
				return 1;
			}
	c->i = save;
	return 0;
}

static int valid_date(int y, int m, int d)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < WN__DATE_YEAR_MIN || y > WN__DATE_YEAR_MAX || m < 1 || m > 12 || d < 1 ||
	    d > days[m - 1])
		return 0;
	return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

typedef struct when {
	int y, mo, d;
	int has_time, h, mi, sec;
	char tz[8]; /* "", "Z" or "+01:00" */
} when;

/* An ISO offset after a time: Z, +01:00, +0100, +01, or UTC/GMT. */
static void read_zone(cur *c, when *w)
{
	size_t save = c->i;
	int ch = at(c, 0);
	if (ch == 'Z' && !is_alpha(at(c, 1))) {
		c->i++;
		strcpy(w->tz, "Z");
		return;
	}
	if (ch == ' ' && (at(c, 1) == '+' || at(c, 1) == '-') && is_digit(at(c, 2)))
		c->i++, ch = at(c, 0);
	if (ch == '+' || ch == '-') {
		int v, hh = -1, mm = 0;
		c->i++;
		int k = digits(c, 4, &v);
		if (k == 4) {
			hh = v / 100;
			mm = v % 100;
		} else if (k == 2) {
			hh = v;
			size_t back = c->i;
			if (at(c, 0) == ':')
				c->i++;
			if (digits(c, 2, &mm) != 2) {
				c->i = back;
				mm = 0;
			}
		}
		if (hh >= 0 && hh <= 14 && mm < 60) {
			w->tz[0] = (char)ch; /* "+01:00" */
			w->tz[1] = (char)('0' + hh / 10);
			w->tz[2] = (char)('0' + hh % 10);
			w->tz[3] = ':';
			w->tz[4] = (char)('0' + mm / 10);
			w->tz[5] = (char)('0' + mm % 10);
			w->tz[6] = 0;
			return;
		}
		c->i = save;
		return;
	}
	skip_spaces(c);
	if ((at(c, 0) == 'U' && at(c, 1) == 'T' && at(c, 2) == 'C') ||
	    (at(c, 0) == 'G' && at(c, 1) == 'M' && at(c, 2) == 'T')) {
		if (!is_alpha(at(c, 3))) {
			c->i += 3;
			strcpy(w->tz, "Z");
			return;
		}
	}
	c->i = save;
}

/* HH:MM[:SS[.fff]] [am|pm] [zone], or 10時30分 when cjk.  Leaves the
 * cursor where it was when there is no time. */
static void read_time(cur *c, when *w, int cjk)
{
	size_t save = c->i;
	int h, m, s = 0;
	if (!digits(c, 2, &h))
		goto fail;
	if (cjk && at(c, 0) == 0xE6 && at(c, 1) == 0x99 && at(c, 2) == 0x82) {
		c->i += 3; /* 時 */
		if (!digits(c, 2, &m))
			goto fail;
		if (at(c, 0) == 0xE5 && at(c, 1) == 0x88 && at(c, 2) == 0x86)
			c->i += 3; /* 分 */
	} else {
		if (at(c, 0) != ':' && at(c, 0) != 'h')
			goto fail;
		c->i++;
		if (digits(c, 2, &m) != 2)
			goto fail;
		if (at(c, 0) == ':' && is_digit(at(c, 1))) {
			c->i++;
			if (digits(c, 2, &s) != 2)
				goto fail;
			if (at(c, 0) == '.' || at(c, 0) == ',')
				for (c->i++; is_digit(at(c, 0)); c->i++)
					;
		}
	}
	size_t before_ampm = c->i;
	skip_spaces(c);
	int a = at(c, 0) | 0x20, b = at(c, 1) | 0x20;
	if ((a == 'a' || a == 'p') && (b == 'm' || b == '.')) {
		size_t k = b == 'm' ? 2 : 1;
		if (b == '.' && (at(c, 2) | 0x20) == 'm')
			k = at(c, 3) == '.' ? 4 : 3;
		if (!is_alpha(at(c, k)) && h >= 1 && h <= 12) {
			c->i += k;
			if (a == 'p' && h < 12)
				h += 12;
			if (a == 'a' && h == 12)
				h = 0;
		} else {
			c->i = before_ampm;
		}
	} else {
		c->i = before_ampm;
	}
	if (h > 23 || m > 59 || s > 60)
		goto fail;
	w->has_time = 1;
	w->h = h;
	w->mi = m;
	w->sec = s;
	read_zone(c, w);
	return;
fail:
	c->i = save;
}

/* An optional time after a written date: ", 3:46 PM", " at 10:00", " um
 * 10:00 Uhr", " à 10h00", " a las 10:00", " - 10:00". */
static void read_time_after(cur *c, when *w)
{
	static const char *const AT[] = {"at", "um", "à", "a", "las", "kl", NULL};
	size_t save = c->i;
	if (at(c, 0) == ',')
		c->i++;
	skip_spaces(c);
	if (at(c, 0) == '-' || at(c, 0) == '|')
		c->i++, skip_spaces(c);
	while (skip_word(c, AT))
		;
	if (!is_digit(at(c, 0))) {
		c->i = save;
		return;
	}
	read_time(c, w, 0);
	if (!w->has_time)
		c->i = save;
}

static int ordinal(cur *c) /* "th", "st", "nd", "rd", "er", "º", "." */
{
	int a = at(c, 0) | 0x20, b = at(c, 1) | 0x20;
	if (((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
	     (a == 't' && b == 'h') || (a == 'e' && b == 'r')) &&
	    !is_alpha(at(c, 2))) {
		c->i += 2;
		return 1;
	}
	if (at(c, 0) == 0xC2 && (at(c, 1) == 0xBA || at(c, 1) == 0xAA)) {
		c->i += 2;
		return 1;
	}
	if (at(c, 0) == '.') {
		c->i++;
		return 1;
	}
	return 0;
}

static int utf8_is(const cur *c, const char *u)
{
	size_t k = strlen(u);
	return c->i + k <= c->n && !memcmp(c->s + c->i, u, k);
}

/* 2017年12月4日, 2017년 12월 4일 */
static int read_cjk(cur *c, when *w)
{
	static const char *const Y[] = {"年", "년"}, *const M[] = {"月", "월"}, *const D[] = {"日", "일"};
	size_t save = c->i;
	for (int k = 0; k < 2; k++) {
		c->i = save;
		int y, m, d;
		if (digits(c, 4, &y) != 4 || !utf8_is(c, Y[k]))
			continue;
		c->i += strlen(Y[k]);
		skip_spaces(c);
		if (!digits(c, 2, &m) || !utf8_is(c, M[k]))
			continue;
		c->i += strlen(M[k]);
		skip_spaces(c);
		if (!digits(c, 2, &d) || !utf8_is(c, D[k]))
			continue;
		c->i += strlen(D[k]);
		w->y = y, w->mo = m, w->d = d;
		size_t t = c->i;
		skip_spaces(c);
		read_time(c, w, 1);
		if (!w->has_time)
			c->i = t;
		return 1;
	}
	c->i = save;
	return 0;
}

/* Y-M-D with '-', '/' or '.', or 8 digits, then an optional time. */
static int read_ymd(cur *c, when *w)
{
	size_t save = c->i;
	int y, m, d;
	if (digits(c, 8, &y) == 8) {
		w->y = y / 10000, w->mo = y / 100 % 100, w->d = y % 100;
		if (at(c, 0) == 'T')
			c->i++, read_time(c, w, 0);
		return 1;
	}
	c->i = save;
	if (digits(c, 4, &y) != 4)
		goto fail;
	int sep = at(c, 0);
	if (sep != '-' && sep != '/' && sep != '.')
		goto fail;
	c->i++;
	if (!digits(c, 2, &m) || at(c, 0) != sep)
		goto fail;
	c->i++;
	if (!digits(c, 2, &d))
		goto fail;
	w->y = y, w->mo = m, w->d = d;
	size_t t = c->i;
	if (at(c, 0) == 'T' || (at(c, 0) == ' ' && is_digit(at(c, 1)))) {
		c->i++;
		read_time(c, w, 0);
		if (!w->has_time)
			c->i = t;
	}
	return 1;
fail:
	c->i = save;
	return 0;
}

/* D.M.Y (Europe); D/M/Y or M/D/Y and D-M-Y only when the order is plain
 * because one of the two is over 12. */
static int read_dmy_numeric(cur *c, when *w)
{
	size_t save = c->i;
	int a, b, y;
	if (!digits(c, 2, &a))
		goto fail;
	int sep = at(c, 0);
	if (sep != '.' && sep != '/' && sep != '-')
		goto fail;
	c->i++;
	if (!digits(c, 2, &b) || at(c, 0) != sep)
		goto fail;
	c->i++;
	if (digits(c, 4, &y) != 4)
		goto fail;
	if (sep == '.' || a > 12) {
		w->d = a, w->mo = b;
	} else if (b > 12) {
		w->mo = a, w->d = b;
	} else {
		goto fail;
	}
	w->y = y;
	read_time_after(c, w);
	return 1;
fail:
	c->i = save;
	return 0;
}

/* 4 December 2017, 4. Dezember 2017, 4 de diciembre de 2017, 4th Dec
 * 2017, 04-Dec-2017 */
static int read_d_month_y(cur *c, when *w)
{
	static const char *const DE[] = {"de", "del", NULL};
	size_t save = c->i;
	int d, m, y;
	if (!digits(c, 2, &d))
		goto fail;
	if (at(c, 0) == '-' && is_alpha(at(c, 1))) {
		c->i++; /* the month's name between dashes, both or none */
		if (!(m = month_word(c)) || at(c, 0) != '-')
			goto fail;
		c->i++;
		if (digits(c, 4, &y) != 4)
			goto fail;
		w->y = y, w->mo = m, w->d = d;
		read_time_after(c, w);
		return 1;
	}
	ordinal(c);
	skip_spaces(c);
	skip_word(c, DE);
	if (!(m = month_word(c)))
		goto fail;
	if (at(c, 0) == ',')
		c->i++;
	skip_spaces(c);
	skip_word(c, DE);
	if (digits(c, 4, &y) != 4)
		goto fail;
	w->y = y, w->mo = m, w->d = d;
	read_time_after(c, w);
	return 1;
fail:
	c->i = save;
	return 0;
}

/* December 4, 2017; Dec. 4th 2017 */
static int read_month_d_y(cur *c, when *w)
{
	size_t save = c->i;
	int d, m, y;
	if (!(m = month_word(c)))
		goto fail;
	skip_spaces(c);
	if (!digits(c, 2, &d))
		goto fail;
	if (at(c, 0) != '.')
		ordinal(c);
	if (at(c, 0) == ',')
		c->i++;
	skip_spaces(c);
	if (digits(c, 4, &y) != 4)
		goto fail;
	w->y = y, w->mo = m, w->d = d;
	read_time_after(c, w);
	return 1;
fail:
	c->i = save;
	return 0;
}

/* 2023 Jan 7 (NLM's citation style, citation_publication_date) */
static int read_y_month_d(cur *c, when *w)
{
	size_t save = c->i;
	int d, m, y;
	if (digits(c, 4, &y) != 4 || at(c, 0) != ' ')
		goto fail;
	skip_spaces(c);
	if (!(m = month_word(c)))
		goto fail;
	skip_spaces(c);
	if (!digits(c, 2, &d))
		goto fail;
	w->y = y, w->mo = m, w->d = d;
	return 1;
fail:
	c->i = save;
	return 0;
}

/* v in n digits, v < 10^n. */
static char *put_num(char *o, int v, int n)
{
	for (int k = n; k-- > 0; v /= 10)
		o[k] = (char)('0' + v % 10);
	return o + n;
}

size_t wn__date_parse(const char *s, size_t n, char *iso)
{
	cur c = {s, n, 0};
	when w;
	memset(&w, 0, sizeof w);
	iso[0] = 0;
	skip_spaces(&c);
	skip_weekday(&c);
	if (!(read_cjk(&c, &w) || read_ymd(&c, &w) || read_dmy_numeric(&c, &w) ||
	      read_d_month_y(&c, &w) || read_month_d_y(&c, &w) || read_y_month_d(&c, &w)))
		return 0;
	if (!valid_date(w.y, w.mo, w.d))
		return 0;
	/* A date glued to more letters or digits is part of something else. */
	if (is_digit(at(&c, 0)) || (at(&c, 0) < 0x80 && is_alpha(at(&c, 0))))
		return 0;
	/* "%04d-%02d-%02d", and "T%02d:%02d:%02d" and the zone: every
	 * field is in range by now, so each has exactly its digits */
	char *o = put_num(iso, w.y, 4);
	*o++ = '-';
	o = put_num(o, w.mo, 2);
	*o++ = '-';
	o = put_num(o, w.d, 2);
	if (w.has_time) {
		*o++ = 'T';
		o = put_num(o, w.h, 2);
		*o++ = ':';
		o = put_num(o, w.mi, 2);
		*o++ = ':';
		o = put_num(o, w.sec, 2);
		for (const char *z = w.tz; *z; z++)
			*o++ = *z;
	}
	*o = 0;
	return c.i;
}

int wn__date_month_day(const char *s, size_t n)
{
	cur c = {s, n, 0};
	int d, m;
	skip_spaces(&c);
	skip_weekday(&c);
	size_t start = c.i;
	if ((m = month_word(&c)) != 0) {
		skip_spaces(&c);
		if (!digits(&c, 2, &d))
			return 0;
		ordinal(&c);
	} else {
		c.i = start;
		if (!digits(&c, 2, &d))
			return 0;
		ordinal(&c);
		skip_spaces(&c);
		if (!(m = month_word(&c)))
			return 0;
	}
	skip_spaces(&c);
	return c.i == n && valid_date(2000, m, d);
}

const char *wn__date_find(const char *s, size_t n, char *iso)
{
	/* every date has a digit: none starts past the last one */
	size_t last = n;
	while (last && !is_digit((unsigned char)s[last - 1]))
		last--;
	for (size_t i = 0; i < last; i++) {
		unsigned char ch = (unsigned char)s[i];
		/* Try at the start of each word or number. */
		if (i > 0) {
			unsigned char p = (unsigned char)s[i - 1];
			if ((is_digit(ch) && is_digit(p)) || (is_alpha(ch) && is_alpha(p)) ||
			    (ch & 0xC0) == 0x80)
				continue;
		}
		if (!is_digit(ch) && !is_alpha(ch))
			continue;
		if (wn__date_parse(s + i, n - i, iso))
			return s + i;
	}
	iso[0] = 0;
	return NULL;
}
