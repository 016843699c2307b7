/*
 * unit_favor.c -- the favor option's recall row on a page read by its
 * region (a shop's grid): what the balanced row drops by structure
 * alone, without reading its words, recall keeps: a line of short links
 * in the region, a part whose names are bad once (not twice over), the
 * line every record repeats.  Chrome outside the region stays out.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "winnow.h"

static const char SHOP[] =
	"<html><head><title>Walking boots</title></head><body>"
	"<header><nav><a href=\"/\">Home</a> <a href=\"/men\">Men</a> <a href=\"/women\">Women</a> <a href=\"/sale\">Sale</a></nav></header>"
	"<main>"
	"<h1>Walking boots</h1>"
	"<p>Boots for the hill and the trail, waterproofed and resoled by our own workshop before they reach you.</p>"
	"<p class=\"sort\"><a href=\"?s=price\">Price</a> · <a href=\"?s=new\">Newest</a> · <a href=\"?s=top\">Top rated</a></p>"
	"<ul class=\"grid\">"
	"<li class=\"card\"><h2><a href=\"/p/1\">Ridge Mid GTX</a></h2><span class=\"price\">£129.00</span><div class=\"act\">Quick view</div></li>"
	"<li class=\"card\"><h2><a href=\"/p/2\">Fellrunner Lite</a></h2><span class=\"price\">£99.00</span><div class=\"act\">Quick view</div></li>"
	"<li class=\"card\"><h2><a href=\"/p/3\">Cairn Leather</a></h2><span class=\"price\">£149.00</span><div class=\"act\">Quick view</div></li>"
	"<li class=\"card\"><h2><a href=\"/p/4\">Scree Trail Boot</a></h2><span class=\"price\">£115.00</span><div class=\"act\">Quick view</div></li>"
	"</ul>"
	"<div class=\"promo-banner-widget\"><p>Free resoling for the first year on every pair of leather boots bought this season, in any of our shops.</p></div>"
	"</main>"
	"<footer><p>© Outdoor Co</p></footer>"
	"</body></html>";

static char *extract(wn_favor favor)
{
	wn_options o;
	wn_options_init(&o, sizeof o);
	o.kind = WN_KIND_COLLECTION;
	o.favor = favor;
	wn_result *r = NULL;
	CHECK(wn_extract(SHOP, strlen(SHOP), &o, &r) == WN_OK);
	char *out = strdup(r ? wn_result_output(r, NULL) : "");
	wn_result_free(r);
	return out;
}

static int count(const char *s, const char *what)
{
	int n = 0;
	for (; (s = strstr(s, what)) != NULL; s += strlen(what))
		n++;
	return n;
}

TEST(balanced_drops_what_structure_calls_chrome)
{
	char *out = extract(WN_FAVOR_BALANCED);
	CHECK(strstr(out, "Ridge Mid GTX") && strstr(out, "£149.00"));
	CHECK(strstr(out, "Top rated") == NULL);
	CHECK(strstr(out, "Free resoling") == NULL);
	CHECK(count(out, "Quick view") == 0);
	free(out);
}

TEST(recall_keeps_link_lines_named_parts_and_template_lines)
{
	char *out = extract(WN_FAVOR_RECALL);
	CHECK(strstr(out, "Ridge Mid GTX") && strstr(out, "£149.00"));
	CHECK(strstr(out, "Price · Newest · Top rated") != NULL);
	CHECK(strstr(out, "Free resoling for the first year") != NULL);
	CHECK(count(out, "Quick view") == 4);
	CHECK(strstr(out, "Women") == NULL && strstr(out, "Outdoor Co") == NULL);
	free(out);
}

int main(void)
{
	RUN(balanced_drops_what_structure_calls_chrome);
	RUN(recall_keeps_link_lines_named_parts_and_template_lines);
	return harness_done();
}
