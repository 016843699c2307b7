/* metadata.c -- placeholder until the metadata stage lands. */
#include "internal.h"

void wn__metadata(wn_doc *d) { (void)d; }
