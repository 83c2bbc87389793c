#pragma once

#include <QList>
#include <QStringView>

// SQL text cut into tokens the way SQLite's tokenizer sees them: enough to tell code from string
// literals, quoted names and comments, and to find parameters and semicolons. Never fails:
// unterminated strings and comments run to the end.
namespace SqlLexer {

struct Token
{
    enum class Kind {
        Space,
        Comment,    // -- to the end of the line, or /* */
        String,     // '...'
        QuotedName, // "...", `...`, [...]
        Word,       // keywords and bare names (and numbers)
        Parameter,  // ?, ?NNN, :name, @name, $name
        Semicolon,
        Other, // operators, parentheses, commas
    };
    Kind kind;
    qsizetype start;
    qsizetype length;
};

QList<Token> tokenize(QStringView sql);

} // namespace SqlLexer
