#pragma once

// QScintilla's headers use Qt's lower-case `signals` and `slots`, which this project switches
// off (QT_NO_KEYWORDS): spell them out for these headers only.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#include <Qsci/qsciapis.h>
#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>
#undef signals
#undef slots
