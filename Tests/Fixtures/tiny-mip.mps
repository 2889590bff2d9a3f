NAME tinymip
OBJSENSE
    MAX
ROWS
 N obj
 L cap
COLUMNS
    MARKER  'MARKER'  'INTORG'
    x  obj  1  cap  2
    MARKER  'MARKER'  'INTEND'
    y  obj  1  cap  2
    z  obj  1  cap  3
RHS
    rhs  cap  3
BOUNDS
 UI  bnd  y  5
 BV  bnd  z
ENDATA
