import sys

from followup_lib.cli import main

sys.exit(main())
