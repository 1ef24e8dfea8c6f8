// The declaration in include/FuzzDriver.h is all the fuzz targets need; libFuzzer defines it.
#include "FuzzDriver.h"
