/// <reference types="localtrail/jest" />
